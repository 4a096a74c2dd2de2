import { GoldenEvent } from '@mdm/core';
import { TestEnvironment, TopicReader, count, eventually } from './support/harness';

/** A Luhn-valid SIRET built from a number, so each generated account has its own identifier. */
function siret(n: number): string {
  const base = String(100000000000 + n).padStart(13, '0');
  for (let d = 0; d < 10; d++) {
    const candidate = base + d;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let digit = Number(candidate[13 - i]);
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

describe('stopping the engine mid-stream and restarting it', () => {
  const TOTAL = 600;
  let env: TestEnvironment;
  let reader: TopicReader;

  beforeAll(async () => {
    env = await TestEnvironment.create('restart');
  });

  afterAll(async () => {
    await reader?.stop();
    await env?.close();
  });

  it('loses nothing and applies nothing twice', async () => {
    await env.start();
    reader = await TopicReader.start(env.kafka, [env.topic('mdm.golden.events'), env.topic('mdm.xref')]);
    const accounts = Array.from({ length: TOTAL }, (_, i) => ({
      customerNumber: `R-${i}`,
      companyName: `Entreprise ${i} SAS`,
      siret: siret(i),
      lastChangeDate: '2026-11-01T00:00:00Z',
    }));
    // produced in small sends spread over about 1.5 s, so the engine is busy with them when it is
    // stopped, however fast it stores them
    const producing = (async () => {
      for (let i = 0; i < TOTAL; i += 20) {
        await env.produce('mdm.source.erp.customers', accounts.slice(i, i + 20).map((a) => ({ key: a.customerNumber, value: JSON.stringify(a) })));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await eventually(() => count(env, `SELECT count(*) FROM source_record`).then((n) => n > 0), 'the first records');
    await env.stopEngine();
    const storedBeforeRestart = await count(env, `SELECT count(*) FROM source_record`);
    await producing;

    await env.start();
    await eventually(() => count(env, `SELECT count(*) FROM source_record`).then((n) => n === TOTAL), `all ${TOTAL} records`, 90000);
    await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'the outbox drained');

    // the stop really happened mid-stream
    expect(storedBeforeRestart).toBeLessThan(TOTAL);
    expect(await count(env, `SELECT count(*) FROM golden_record WHERE status = 'active'`)).toBe(TOTAL);
    expect(await count(env, `SELECT count(*) FROM xref`)).toBe(TOTAL);
    expect(await count(env, `SELECT max(revision) FROM source_record`)).toBe(1);
    expect(await count(env, `SELECT count(*) FROM golden_history`)).toBe(TOTAL);
    await eventually(() => reader.on(env.topic('mdm.golden.events')).length >= TOTAL, 'every event on the topic', 60000);
    const events = reader.json<GoldenEvent>(env.topic('mdm.golden.events'));
    // the relay may republish after a stop; downstream deduplicates on eventId, and then each golden record was created once
    const distinct = new Map(events.map((e) => [e.eventId, e]));
    const created = [...distinct.values()].filter((e) => e.type === 'golden.created');
    expect(created.length).toBe(TOTAL);
    expect(new Set(created.map((e) => e.goldenId)).size).toBe(TOTAL);
  });
});
