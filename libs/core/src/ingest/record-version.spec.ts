import { compareVersions } from './record-version';

describe('compareVersions', () => {
  const at = (sourceUpdatedAt: string | null, hash: string) => ({ sourceUpdatedAt, hash });
  it.each([
    ['a redelivery', at('2026-01-02T00:00:00Z', 'h1'), at('2026-01-02T00:00:00Z', 'h1'), 'same'],
    ['a newer modification', at('2026-01-03T00:00:00Z', 'h2'), at('2026-01-02T00:00:00Z', 'h1'), 'newer'],
    ['an older modification', at('2026-01-01T00:00:00Z', 'h2'), at('2026-01-02T00:00:00Z', 'h1'), 'older'],
    ['equal times, larger hash', at('2026-01-02T00:00:00Z', 'h9'), at('2026-01-02T00:00:00Z', 'h1'), 'newer'],
    ['equal times, smaller hash', at('2026-01-02T00:00:00Z', 'h0'), at('2026-01-02T00:00:00Z', 'h1'), 'older'],
    ['no times: latest arrival', at(null, 'h0'), at(null, 'h1'), 'newer'],
    ['untimed after a timed version', at(null, 'h0'), at('2026-01-02T00:00:00Z', 'h1'), 'older'],
  ])('%s is %s', (_name, incoming, stored, expected) => {
    expect(compareVersions(incoming, stored)).toBe(expected);
  });
});
