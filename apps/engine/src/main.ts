import { runUntilStopped } from './run';

runUntilStopped().catch((error) => {
  process.stderr.write(`mdm engine: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
