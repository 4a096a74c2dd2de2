import { FAILPOINTS } from '@mdm/observability';
import { generateRows } from '@mdm/core';
import { TestEnvironment, eventually } from '../support/harness';
import { EngineProcess } from '../support/engine-process';
import { checkEngine, compareGoldenStates, generatedConfigDir, publishRows, settled } from '../support/faults';

/**
 * The engine killed with SIGKILL (no shutdown hook runs) at each point where a crash can hurt, and at
 * random moments, then restarted: every accepted record is in exactly one golden record or a dead
 * letter, every change is published, and the result equals a run that was never interrupted.
 */
describe('engine killed with SIGKILL and restarted', () => {
  const configDir = generatedConfigDir();
  const rows = [...generateRows({ records: 300, seed: 31 })];
  const environments: TestEnvironment[] = [];
  const engines: EngineProcess[] = [];
  let reference: Awaited<ReturnType<typeof checkEngine>>['digest'] | null = null;

  const start = (env: TestEnvironment, settings: Record<string, string> = {}) => {
    const engine = EngineProcess.start(env, { MDM_CONFIG_DIR: configDir, MDM_CONSUMER_SESSION_TIMEOUT_MS: '6000', ...settings });
    engines.push(engine);
    return engine;
  };
  const environment = async (name: string) => {
    const env = await TestEnvironment.create(name);
    environments.push(env);
    return env;
  };

  afterAll(async () => {
    for (const engine of engines) engine.kill();
    for (const env of environments) await env.close();
  });

  beforeAll(async () => {
    // the same input, never interrupted
    const env = await environment('fault-crash-reference');
    const engine = start(env);
    await publishRows(env, rows);
    await settled(env);
    await engine.stop();
    const checked = await checkEngine(env, configDir);
    expect(checked.report.violations).toEqual([]);
    reference = checked.digest;
  });

  for (const point of FAILPOINTS) {
    it(`at ${point}`, async () => {
      const env = await environment(`fault-crash-${point}`);
      const doomed = start(env, { MDM_FAILPOINTS: `${point}=2` });
      await publishRows(env, rows);
      const { signal } = await eventually(() => (doomed.running ? null : doomed.exited), `the engine to reach ${point}`);
      expect(signal).toBe('SIGKILL');
      expect(doomed.output).toContain(`failpoint ${point} reached`);

      const engine = start(env);
      await settled(env);
      await engine.stop();
      const { report, digest } = await checkEngine(env, configDir);
      expect(report.violations).toEqual([]);
      expect(report.counts.records).toBe(rows.length);
      expect(compareGoldenStates(digest, reference!)).toEqual([]);
    });
  }

  it('at random moments, three times in a row', async () => {
    const env = await environment('fault-crash-random');
    let seed = 5;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // the first engine creates the topics; the rows arrive while engines are being killed
    const first = start(env);
    await settled(env);
    const publishing = publishRows(env, rows);
    first.kill('SIGKILL');
    await first.exited;
    for (let i = 0; i < 3; i++) {
      const engine = start(env);
      await new Promise((resolve) => setTimeout(resolve, 1500 + random() * 3000));
      engine.kill('SIGKILL');
      await engine.exited;
    }
    await publishing;
    const engine = start(env);
    await settled(env);
    await engine.stop();
    const { report, digest } = await checkEngine(env, configDir);
    expect(report.violations).toEqual([]);
    expect(report.counts.records).toBe(rows.length);
    expect(compareGoldenStates(digest, reference!)).toEqual([]);
  });
});
