import { REVIEW_SAMPLES } from '../../apps/cli/src/demo/review-samples';
import { TestEnvironment, count, eventually, exampleText } from './harness';

/**
 * What the console tests work on, as the demo publishes it: the example message of every source (a
 * company from the ERP and the CRM; a person from the CRM, the online shop and a web form: a golden
 * record of three source records) and the review samples (four accounts, then four look-alike leads,
 * each opening a possible-match task).
 */
export async function publishConsoleData(env: TestEnvironment): Promise<void> {
  for (const source of ['erp', 'crm', 'ecommerce', 'forms']) await env.produce(`mdm.source.${source}.customers`, [{ key: source, value: exampleText(source) }]);
  await eventually(() => count(env, `SELECT count(*) FROM xref`).then((n) => n === 5), 'the example records resolved');
  // the accounts first, so that each lead finds its look-alike
  for (const kind of ['ecommerce', 'forms'] as const) {
    const messages = REVIEW_SAMPLES.filter((m) => m.source === kind);
    await env.produce(`mdm.source.${kind}.customers`, messages.map((m) => ({ key: m.key, value: JSON.stringify(m.value) })));
    const expected = 5 + REVIEW_SAMPLES.filter((m) => m.source === 'ecommerce').length + (kind === 'forms' ? messages.length : 0);
    await eventually(() => count(env, `SELECT count(*) FROM xref`).then((n) => n === expected), `the ${kind} samples resolved`);
    // and their near names looked at: an account still queued when its look-alike lead arrives
    // (the reviewer gives way to a busy ingest) would find the lead itself, and the task would name
    // the account as its record
    await eventually(() => count(env, `SELECT count(*) FROM near_name_queue`).then((n) => n === 0), `the ${kind} samples' near names looked at`);
  }
  await eventually(() => count(env, `SELECT count(*) FROM outbox WHERE published_at IS NULL`).then((n) => n === 0), 'everything published');
}
