import { Reflector } from '@nestjs/core';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimitGuard, rateLimits } from './rate-limit.guard';

class Probe extends RateLimitGuard {
  tracker(request: Record<string, unknown>) {
    return this.getTracker(request);
  }
}

describe('rate limits', () => {
  const probe = new Probe(rateLimits(600, 10), new ThrottlerStorageService(), new Reflector());

  it('counts per principal, whatever the address, and per address when anonymous', async () => {
    const steward = { id: 'steward', name: 'S', kind: 'person', roles: ['steward'] };
    await expect(probe.tracker({ principal: steward, ip: '10.0.0.1' })).resolves.toBe('person:steward');
    await expect(probe.tracker({ principal: steward, ip: '10.0.0.2' })).resolves.toBe('person:steward');
    await expect(probe.tracker({ principal: { ...steward, id: 'erp-sync', kind: 'system' }, ip: '10.0.0.1' })).resolves.toBe('system:erp-sync');
    await expect(probe.tracker({ ip: '10.0.0.1' })).resolves.toBe('ip:10.0.0.1');
  });

  it('answers RATE_LIMITED', async () => {
    await expect((probe as unknown as { throwThrottlingException(): Promise<void> }).throwThrottlingException()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('gives every request the general budget and sign-ins a stricter one', () => {
    const { throttlers } = rateLimits(600, 10) as { throttlers: { name: string; limit: number; ttl: number }[] };
    expect(throttlers.map(({ name, limit, ttl }) => ({ name, limit, ttl }))).toEqual([
      { name: 'default', limit: 600, ttl: 60_000 },
      { name: 'sign-in', limit: 10, ttl: 60_000 },
    ]);
  });
});
