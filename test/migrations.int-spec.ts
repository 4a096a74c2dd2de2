import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing, dropDatabase, withDatabaseName } from '@mdm/infra';
import { createDataSource, runMigrations } from '@mdm/persistence';

/** Engine instances that start together on an empty database migrate it once, one after the other. */
describe('migrations', () => {
  const adminUrl = process.env.MDM_TEST_DATABASE_URL!;
  const name = `mdm_migrations_${randomBytes(3).toString('hex')}`;

  afterAll(async () => dropDatabase(adminUrl, name));

  it('run with a pool of one connection (the command-line tools use one)', async () => {
    const one = `${name}_one`;
    await createDatabaseIfMissing(adminUrl, one);
    const source = createDataSource(withDatabaseName(adminUrl, one), { poolSize: 1, applicationName: 'mdm-migrate-one' });
    try {
      await source.initialize();
      expect((await runMigrations(source)).length).toBeGreaterThan(0);
    } finally {
      await source.destroy().catch(() => undefined);
      await dropDatabase(adminUrl, one);
    }
  });

  it('run once when three instances start at the same moment', async () => {
    await createDatabaseIfMissing(adminUrl, name);
    const sources = [0, 1, 2].map((i) => createDataSource(withDatabaseName(adminUrl, name), { poolSize: 2, applicationName: `mdm-migrate-${i}` }));
    try {
      await Promise.all(sources.map((s) => s.initialize()));
      const applied = await Promise.all(sources.map((s) => runMigrations(s)));
      // every migration applied by exactly one of them; the others found the schema up to date
      const all = applied.flat();
      expect(all.length).toBeGreaterThan(0);
      expect(new Set(all).size).toBe(all.length);
      expect(applied.filter((list) => list.length > 0)).toHaveLength(1);
      const [{ n }] = await sources[0].query(`SELECT count(*)::int AS n FROM schema_migrations`);
      expect(n).toBe(all.length);
    } finally {
      await Promise.all(sources.map((s) => s.destroy().catch(() => undefined)));
    }
  });
});
