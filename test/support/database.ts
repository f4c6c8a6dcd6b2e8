import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, openDatabase, withDatabase, type Orm } from '#platform/db';
import type { SubgraphInfo } from '#platform/server';
import { migrateAll } from '../../scripts/lib/migrate-all';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, fully migrated database on the run's PostgreSQL; drop it in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_ADMIN_URL is not set: run the tests through jest (global setup)');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await migrateAll(url, () => {});
  return { url, drop: () => dropDatabase(adminUrl, name) };
}

/** A small ORM on one subgraph's schema of a test database, for tests below the GraphQL layer. */
export function openTestOrm(db: TestDatabase, subgraph: SubgraphInfo): Promise<Orm> {
  return openDatabase({
    schema: subgraph.name,
    clientUrl: db.url,
    entities: [...subgraph.entities],
    migrations: [...subgraph.migrations],
    poolMax: 2,
  });
}
