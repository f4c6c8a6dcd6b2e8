import { openDatabase } from '#platform/db';
import { migrate } from '#platform/migrations';
import { subgraphs } from './subgraphs';

/**
 * How long one-off work (migrations, the demo seed) waits for a database connection. A request
 * gives up after 2 s to keep within its caller's deadline; start-up has no such caller, and on a
 * busy machine (several systems starting at once) a new connection can take longer than that.
 */
export const ONE_OFF_ACQUIRE_TIMEOUT_MS = 60_000;

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
      acquireTimeoutMs: ONE_OFF_ACQUIRE_TIMEOUT_MS,
    });
    try {
      const applied = await migrate(orm);
      log(applied.length ? `${subgraph.name}: applied ${applied.join(', ')}` : `${subgraph.name}: schema up to date`);
    } finally {
      await orm.close();
    }
  }
}
