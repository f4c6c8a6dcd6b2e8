import { openDatabase } from '#platform/db';
import { migrate } from '#platform/migrations';
import { subgraphs } from './subgraphs';

/** The database a subgraph uses: `<NAME>_DATABASE_URL`, else the shared one. */
export function databaseUrlFor(name: string, sharedUrl: string, env = process.env): string {
  return env[`${name.toUpperCase()}_DATABASE_URL`] ?? sharedUrl;
}

/** Applies every subgraph's pending migrations, each in its own schema and transaction. */
export async function migrateAll(sharedUrl: string, log: (line: string) => void = console.log): Promise<void> {
  for (const subgraph of subgraphs) {
    const orm = await openDatabase({
      schema: subgraph.name,
      clientUrl: databaseUrlFor(subgraph.name, sharedUrl),
      entities: [...subgraph.entities],
      migrations: [...subgraph.migrations],
      poolMax: 1,
    });
    try {
      const applied = await migrate(orm);
      log(applied.length ? `${subgraph.name}: applied ${applied.join(', ')}` : `${subgraph.name}: schema up to date`);
    } finally {
      await orm.close();
    }
  }
}
