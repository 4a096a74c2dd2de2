import { Command } from 'commander';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { resolveDatabase } from '@mdm/infra';
import { AuditStore, createDataSource, runMigrations } from '@mdm/persistence';
import { loadSettings } from '@mdm/settings';
import { createApiKey, createUser } from '@mdm/api/auth/accounts';

const list = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** Runs fn on the engine's database (migrated), then closes it. */
async function withDatabase<T>(fn: (db: DataSource) => Promise<T>): Promise<T> {
  const settings = loadSettings();
  const database = await resolveDatabase({ dataDir: join(settings.MDM_HOME, 'postgres'), database: 'mdm' });
  const dataSource = createDataSource(database.url, { poolSize: 1, applicationName: 'mdm-access' });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    return await fn(dataSource);
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

async function audit(db: DataSource, action: string, targetType: string, targetId: string): Promise<void> {
  await new AuditStore(db).insert({ at: new Date(), actorId: null, actorKind: 'cli', action, targetType, targetId, reason: null, outcome: 'succeeded', requestId: null });
}

/** `mdm users add` and `mdm api-keys create`: access to the API, from the machine that runs it. */
export function registerAccessCommands(program: Command): void {
  const users = program.command('users').description('people who sign in to the API');
  users
    .command('add <username>')
    .description('create a user; without --password, one is generated and printed once')
    .requiredOption('--role <role>', 'viewer, steward or admin (repeat or separate with commas)', list, [])
    .option('--name <display name>', 'name shown in the console and the audit trail')
    .option('--password <password>', 'at least 10 characters')
    .action(async (username: string, options: { role: string[]; name?: string; password?: string }) => {
      await withDatabase(async (db) => {
        const { user, generatedPassword } = await createUser(db, { username, displayName: options.name, roles: options.role, password: options.password });
        await audit(db, 'users.add', 'user', user.id);
        process.stdout.write(`user ${user.username} created with roles ${user.roles.join(', ')}\n`);
        if (generatedPassword) process.stdout.write(`password: ${generatedPassword}  (shown once: note it now)\n`);
      });
    });

  const keys = program.command('api-keys').description('API keys of the systems that call the API');
  keys
    .command('create <name>')
    .description('create an API key; it is printed once and only its hash is kept')
    .requiredOption('--role <role>', 'usually system (repeat or separate with commas)', list, [])
    .option('--sources <sources>', 'the sources whose records it may read, e.g. erp,crm (default: all)', list, [])
    .action(async (name: string, options: { role: string[]; sources: string[] }) => {
      await withDatabase(async (db) => {
        const { key, row } = await createApiKey(db, { name, roles: options.role, sources: options.sources });
        await audit(db, 'api-keys.create', 'api-key', row.id);
        process.stdout.write(`API key ${row.name} (${row.id}) created with roles ${row.roles.join(', ')}${row.sources ? `, sources ${row.sources.join(', ')}` : ''}\n`);
        process.stdout.write(`key: ${key}  (shown once: send it as the X-Api-Key header)\n`);
      });
    });
}
