import { join } from 'node:path';
import { generateRows } from '@mdm/core';
import { InboundMessage } from '@mdm/messaging';
import { loadRules } from '@mdm/settings';
import { PreparationPool } from '@mdm/engine/ingest/preparation-pool';
import { prepareMessage } from '@mdm/engine/ingest/record-preparation';
import { frenchStandardizer } from '@mdm/engine/ingest/standardizer';
import { generatedRowPayload, generatedTopic, writeGeneratedConfig } from '@mdm/engine/ingest/generated-rows';
import { CONFIG_DIR } from './support/harness';

/**
 * A value with its types spelled out, to compare values made in another thread (whose objects come
 * from another realm than the test's, so that a strict comparison of prototypes always fails): dates,
 * buffers, errors and undefined properties are told apart from look-alikes.
 */
function tagged(value: unknown): unknown {
  if (value === undefined) return { undefined: true };
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return { buffer: value.toString('hex') };
  const type = Object.prototype.toString.call(value);
  if (type === '[object Date]') return { date: (value as Date).toISOString() };
  if (type === '[object Error]') {
    const error = value as Error & { code?: string; details?: unknown };
    return { error: error.name, code: error.code, message: error.message, details: tagged(error.details) };
  }
  if (Array.isArray(value)) return value.map(tagged);
  if (type !== '[object Object]') return { unexpected: type };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tagged(v)]));
}

/** The thread script as `npm run build` writes it (this suite runs after the build). */
const SCRIPT = join(__dirname, '..', 'dist', 'apps', 'engine', 'src', 'ingest', 'preparation-worker.js');
const MAX_BYTES = 4096;

/**
 * The engine prepares source messages on a thread of its own: what the thread makes of a message
 * must be exactly what the event loop makes of it, faults included, and a thread that dies must
 * fail its batches (to be delivered again) and be replaced.
 */
describe('preparation threads', () => {
  const rules = loadRules(writeGeneratedConfig(CONFIG_DIR));
  const data = { mappings: rules.mappings, defaultCountry: rules.matching.defaultCountry, maxMessageBytes: MAX_BYTES };
  const byTopic = new Map(rules.mappings.map((m) => [m.topic, m]));
  const bySource = new Map(rules.mappings.map((m) => [m.source, m]));
  const standardizer = frenchStandardizer(rules.matching.defaultCountry);
  let pool: PreparationPool | null = null;

  afterEach(async () => {
    await pool?.stop();
    pool = null;
  });

  const message = (topic: string, value: Buffer | null, offset: number, headers: Record<string, string> = {}): InboundMessage => ({
    topic,
    partition: 0,
    offset: String(offset),
    key: Buffer.from(`k${offset}`),
    value,
    headers,
    timestamp: String(1_700_000_000_000 + offset),
  });

  function messages(): InboundMessage[] {
    const rows = [...generateRows({ records: 200, seed: 7 })];
    const good = rows.map((row, i) => message(generatedTopic(row.source), Buffer.from(JSON.stringify(generatedRowPayload(row))), i));
    const topic = good[0].topic;
    return [
      ...good,
      message(topic, Buffer.from('{not json'), 1000),
      message(topic, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 1001),
      message(topic, Buffer.alloc(MAX_BYTES + 1, 0x20), 1002),
      message(topic, null, 1003),
      message(topic, Buffer.from(JSON.stringify({ unrelated: true })), 1004),
      message('no.such.topic', good[0].value, 1005),
      message(topic, good[1].value, 1006, { 'mdm-source': 'nobody' }),
    ];
  }

  it('prepares every message as the event loop does, dead letters included', async () => {
    const input = messages();
    const here = input.map((m) => prepareMessage(m, byTopic, bySource, standardizer, MAX_BYTES));
    pool = new PreparationPool(data, 2, SCRIPT);
    // two requests at once, on the two threads
    const [first, second] = await Promise.all([pool.prepare(input.slice(0, 100)), pool.prepare(input.slice(100))]);
    const there = [...first, ...second];

    expect(there).toHaveLength(input.length);
    expect(there.filter((p) => p.ok).length).toBeGreaterThan(150);
    expect(there.filter((p) => !p.ok).map((p) => (p.ok ? '' : p.error.code))).toEqual(here.filter((p) => !p.ok).map((p) => (p.ok ? '' : p.error.code)));
    // the same records and errors, the very message objects given, payloads as Buffers
    expect(there.map(tagged)).toEqual(here.map(tagged));
    there.forEach((p, i) => {
      expect(p.message).toBe(input[i]);
      if (p.ok) expect(Buffer.isBuffer(p.payload)).toBe(true);
    });
  });

  it('fails the batches of a thread that dies, and replaces it', async () => {
    pool = new PreparationPool(data, 1, SCRIPT);
    const input = messages().slice(0, 50);
    const threads = (pool as unknown as { threads: { worker: { terminate(): Promise<number> } }[] }).threads;
    const pending = pool.prepare(input);
    await threads[0].worker.terminate();
    await expect(pending).rejects.toThrow(/preparation thread stopped/);
    // the next batch goes to the new thread
    const again = await pool.prepare(input);
    expect(again.map((p) => p.ok)).toEqual(input.map(() => true));
  });
});
