import { Command } from 'commander';
import { runUntilStopped } from '@mdm/engine/run';

/** `mdm engine`: runs the roles of MDM_ROLES against MDM_KAFKA_BROKERS and the database, until stopped. */
export function registerEngineCommand(program: Command): void {
  program
    .command('engine')
    .description('run the engine (and the API, per MDM_ROLES) until stopped')
    .action(() => runUntilStopped());
}
