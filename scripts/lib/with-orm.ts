import type { EntityManager } from '@mikro-orm/postgresql';
import { openDatabase } from '#platform/db';
import { databaseUrlFor, ONE_OFF_ACQUIRE_TIMEOUT_MS } from './migrate-all';
import type { SubgraphModule } from './subgraphs';

type Info = Pick<SubgraphModule, 'name' | 'entities' | 'migrations'>;

/** Runs `work` with a short-lived ORM of one subgraph's schema. */
export async function withOrm<T>(info: Info, sharedUrl: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const orm = await openDatabase({
    schema: info.name,
    clientUrl: databaseUrlFor(info.name, sharedUrl),
    entities: [...info.entities],
    migrations: [...info.migrations],
    poolMax: 2,
    acquireTimeoutMs: ONE_OFF_ACQUIRE_TIMEOUT_MS,
  });
  try {
    return await work(orm.em.fork());
  } finally {
    await orm.close();
  }
}
