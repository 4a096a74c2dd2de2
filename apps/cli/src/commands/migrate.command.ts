import { Command } from 'commander';
import { join } from 'node:path';
import { resolveDatabase } from '@mdm/infra';
import { createDataSource, runMigrations } from '@mdm/persistence';
import { loadSettings } from '@mdm/settings';

/** `mdm migrate`: applies the pending database migrations (the engine also does it at start). */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const settings = loadSettings();
      const database = await resolveDatabase({ dataDir: join(settings.MDM_HOME, 'postgres'), database: 'mdm' });
      const dataSource = createDataSource(database.url);
      await dataSource.initialize();
      try {
        const applied = await runMigrations(dataSource);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema up to date\n');
      } finally {
        await dataSource.destroy();
        await database.stop();
      }
    });
}
