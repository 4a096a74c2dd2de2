/**
 * Crash points for the fault suite, armed only by the environment:
 * `MDM_FAILPOINTS="ingest.after-commit=3"` kills the process with SIGKILL the third time the engine
 * reaches that point, the way a power cut or the kernel's OOM killer would. Unset, a point costs
 * one map lookup.
 *
 * Points: `ingest.before-commit` (a batch applied, its transaction not committed),
 * `ingest.after-commit` (committed, its offsets not committed), `outbox.after-send` (messages sent,
 * not yet marked published).
 */
export const FAILPOINTS = ['ingest.before-commit', 'ingest.after-commit', 'outbox.after-send'] as const;
export type FailpointName = (typeof FAILPOINTS)[number];

export function parseFailpoints(spec: string | undefined): Map<string, number> {
  const armed = new Map<string, number>();
  for (const item of (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, count = '1'] = item.split('=');
    if (!(FAILPOINTS as readonly string[]).includes(name)) throw new Error(`MDM_FAILPOINTS: unknown point "${name}" (known: ${FAILPOINTS.join(', ')})`);
    if (!/^[1-9]\d*$/.test(count)) throw new Error(`MDM_FAILPOINTS: "${item}" must be <point>=<positive count>`);
    armed.set(name, Number(count));
  }
  return armed;
}

const armed = parseFailpoints(process.env.MDM_FAILPOINTS);

/** Kills the process here if this point is armed and its count is reached. */
export function failpoint(name: FailpointName): void {
  const remaining = armed.get(name);
  if (remaining === undefined) return;
  if (remaining > 1) {
    armed.set(name, remaining - 1);
    return;
  }
  process.stderr.write(`failpoint ${name} reached: killing the process\n`);
  process.kill(process.pid, 'SIGKILL');
}
