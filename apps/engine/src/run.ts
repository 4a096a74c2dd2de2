import { join } from 'node:path';
import { resolveDatabase } from '@mdm/infra';
import { loadSettings } from '@mdm/settings';
import { startEngine } from './bootstrap';

/** Runs the roles of MDM_ROLES until SIGINT or SIGTERM, then shuts down gracefully. */
export async function runUntilStopped(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const settings = loadSettings(env);
  const database = await resolveDatabase({ dataDir: join(settings.MDM_HOME, 'postgres'), database: 'mdm' });
  const engine = await startEngine(settings, database.url);
  engine.runtime.logger.info({ roles: settings.MDM_ROLES, url: engine.url }, 'engine started');
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    void engine
      .close()
      .then(() => database.stop())
      .then(
        () => process.exit(code),
        () => process.exit(1),
      );
  };
  // a part that cannot go on stops the whole process, non-zero, for its supervisor to restart it
  engine.runtime.fatal = (error) => {
    engine.runtime.logger.error({ err: error }, 'the engine cannot go on by itself: stopping for a restart');
    stop(1);
  };
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
}
