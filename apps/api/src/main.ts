import { runUntilStopped } from '@mdm/engine/run';

/** The API alone, for deployments that run it apart from the engine processes. */
runUntilStopped({ ...process.env, MDM_ROLES: 'api' }).catch((error) => {
  process.stderr.write(`mdm api: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
