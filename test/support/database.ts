import { randomBytes } from 'node:crypto';
import { dropDatabase, openDatabase, withAdminClient, withDatabase, type Orm } from '#platform/db';
import type { SubgraphInfo } from '#platform/server';
import type * as MigrateAll from '../../scripts/lib/migrate-all';
import type * as SeedDemo from '../../scripts/lib/seed-demo';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, fully migrated database on the run's PostgreSQL (with the demo business when
 * `seeded`); drop it in afterAll. It is a copy of a template that the run's first caller builds
 * (migrations, and the seed), so each test file pays for a file copy instead of every migration
 * and the whole seed.
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_ADMIN_URL is not set: run the tests through jest (global setup)');
  const template = await templateDatabase(adminUrl, options.seeded ?? false);
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database "${name}" template "${template}"`));
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

/** The run's template (TEST_RUN_ID from global setup), built once under an advisory lock, renamed into place when whole. */
async function templateDatabase(adminUrl: string, seeded: boolean): Promise<string> {
  const name = `${seeded ? 'template_seeded' : 'template'}_${process.env.TEST_RUN_ID ?? 'local'}`;
  await withAdminClient(adminUrl, async (client) => {
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      if ((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount) return;
      const building = `${name}_building`;
      await client.query(`drop database if exists "${building}" with (force)`);
      await client.query(`create database "${building}"`);
      const url = withDatabase(adminUrl, building);
      // Loaded here, by the one file that builds the template: the migrator's few hundred modules
      // stay out of every other test file's module registry.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { migrateAll } = require('../../scripts/lib/migrate-all') as typeof MigrateAll;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { seedDemoBusiness } = require('../../scripts/lib/seed-demo') as typeof SeedDemo;
      await migrateAll(url, () => {});
      if (seeded) await seedDemoBusiness(url, 'EUR', () => {});
      await client.query(`alter database "${building}" rename to "${name}"`);
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  return name;
}

/** A small ORM on one subgraph's schema of a test database, for tests below the GraphQL layer. */
export function openTestOrm(db: TestDatabase, subgraph: SubgraphInfo): Promise<Orm> {
  return openDatabase({
    schema: subgraph.name,
    clientUrl: db.url,
    entities: [...subgraph.entities],
    poolMax: 2,
  });
}
