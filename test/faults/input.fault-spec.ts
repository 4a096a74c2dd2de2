import { generateRows } from '@mdm/core';
import { TestEnvironment } from '../support/harness';
import { checkEngine, generatedConfigDir, generatedTopic, publishRows, settled } from '../support/faults';

/**
 * Bad input in volume, mixed with good: every poison message ends in the dead-letter topic, never
 * blocks its partition, and hostile strings are stored as they came, never executed. Versions of a
 * record that arrive out of order leave the newest one in force.
 */
describe('poison input and out-of-order versions', () => {
  const configDir = generatedConfigDir();
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await TestEnvironment.create('fault-input');
    await env.start({ MDM_CONFIG_DIR: configDir, MDM_MAX_MESSAGE_BYTES: '65536' });
  });
  afterAll(async () => env.close());

  it('dead-letters every kind of poison and stores hostile strings verbatim', async () => {
    const rows = [...generateRows({ records: 200, seed: 41 })];
    const injection = { sql: `O'Brien'); DROP TABLE golden_record; --`, html: `<img src=x onerror="alert(1)">Dupont</script>` };
    const hostile = [
      { record_id: 'hostile-sql', kind: 'person', firstName: 'Robert', lastName: injection.sql, email: 'bobby@example.fr', updatedAt: '2026-01-01T00:00:00Z' },
      { record_id: 'hostile-html', kind: 'person', firstName: injection.html, lastName: 'Martin', email: 'html@example.fr', updatedAt: '2026-01-01T00:00:00Z' },
    ];
    const poison: (string | Buffer)[] = [];
    for (let i = 0; i < 40; i++) {
      poison.push(
        `{"record_id": "broken-${i}", `, // not JSON
        JSON.stringify([{ record_id: `array-${i}` }]), // JSON, but not an object
        JSON.stringify({ lastName: `Sans identifiant ${i}` }), // no record id
        Buffer.concat([Buffer.from(`{"record_id":"utf8-${i}","lastName":"`), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]), // invalid UTF-8
        JSON.stringify({ record_id: `huge-${i}`, lastName: 'x'.repeat(70000) }), // over the size limit
      );
    }
    const nul = JSON.stringify({ record_id: 'nul-1', kind: 'person', firstName: 'Null\u0000Byte', lastName: 'Zéro', updatedAt: '2026-01-01T00:00:00Z' });

    // poison interleaved with the good rows, on every partition of one topic
    const half = Math.floor(rows.length / 2);
    await publishRows(env, rows.slice(0, half));
    // one send each: a batch of large messages would exceed what the broker accepts in one request
    for (const [i, value] of poison.entries()) await env.produce(generatedTopic('forms'), [{ key: `poison-${i}`, value: value as Buffer }]);
    await env.produce(generatedTopic('forms'), [...hostile.map((h) => ({ key: h.record_id, value: JSON.stringify(h) })), { key: 'nul-1', value: nul }]);
    await publishRows(env, rows.slice(half));
    await settled(env);

    const { report } = await checkEngine(env, configDir);
    expect(report.violations).toEqual([]);
    // at least every message that cannot be records is a dead letter; the NUL byte may be refused or stored, but never lost
    expect(report.counts.deadLetters).toBeGreaterThanOrEqual(poison.length);
    const [{ n: tables }] = await env.db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'golden_record'`);
    expect(tables).toBe(1);
    const stored = await env.db.query(`SELECT source_id, attributes FROM source_record WHERE source_id LIKE 'hostile-%' ORDER BY source_id`);
    expect(stored.map((r: { attributes: Record<string, string> }) => [r.attributes.firstName, r.attributes.lastName])).toEqual([
      [injection.html, 'Martin'],
      ['Robert', injection.sql],
    ]);
    const codes = await env.db.query(`SELECT error_code, count(*)::int AS n FROM dead_letter GROUP BY error_code ORDER BY error_code`);
    expect(codes.map((c: { error_code: string }) => c.error_code)).toEqual(expect.arrayContaining(['MESSAGE_TOO_LARGE', 'NOT_AN_OBJECT', 'NOT_JSON']));
  });

  it('keeps the newest version when an older one arrives after it', async () => {
    const base = { kind: 'person', firstName: 'Odile', lastName: 'Versionnée', email: 'odile.v@example.fr' };
    const newer = { ...base, record_id: 'late-1', city: 'Lyon', updatedAt: '2026-03-01T00:00:00Z' };
    const older = { ...base, record_id: 'late-1', city: 'Brest', updatedAt: '2026-01-01T00:00:00Z' };
    await env.produce(generatedTopic('crm'), [{ key: 'late-1', value: JSON.stringify(newer) }]);
    await settled(env);
    await env.produce(generatedTopic('crm'), [{ key: 'late-1', value: JSON.stringify(older) }]);
    await settled(env);
    const [record] = await env.db.query(`SELECT attributes FROM source_record WHERE source = 'crm' AND source_id = 'late-1'`);
    expect(record.attributes.city).toBe('Lyon');
    const [golden] = await env.db.query(`SELECT g.attributes FROM golden_record g JOIN xref x ON x.golden_id = g.id WHERE x.source = 'crm' AND x.source_id = 'late-1'`);
    expect(golden.attributes.city).toBe('Lyon');
    const { report } = await checkEngine(env, configDir);
    expect(report.violations).toEqual([]);
  });
});
