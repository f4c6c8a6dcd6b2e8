import { openDatabase } from '#platform/db';
import { subgraphs } from '../scripts/lib/subgraphs';
import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * The committed migrations build exactly the schema the entities describe, each subgraph in its
 * own PostgreSQL schema, migration table included. When this fails, run
 * `npm run migration:create -- <subgraph>` and commit the new migration.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

it.each(subgraphs.map((s) => [s.name, s] as const))('%s: migrations match the entities', async (_name, subgraph) => {
  const orm = await openDatabase({
    schema: subgraph.name,
    clientUrl: db.url,
    entities: [...subgraph.entities],
    migrations: [...subgraph.migrations],
    poolMax: 1,
  });
  try {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, schema: subgraph.name });
    expect(diff.trim()).toBe('');
    const tables = await orm.em
      .getConnection()
      .execute<{ table_schema: string; table_name: string }[]>(
        `select table_schema, table_name from information_schema.tables where table_name = 'mikro_orm_migrations'`,
      );
    expect(tables.map((t) => t.table_schema)).toContain(subgraph.name);
    expect(tables.map((t) => t.table_schema)).not.toContain('public');
  } finally {
    await orm.close();
  }
});
