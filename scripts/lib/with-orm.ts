import type { EntityManager } from '@mikro-orm/postgresql';
import { openDatabase } from '#platform/db';
import { databaseUrlFor, ONE_OFF_ACQUIRE_TIMEOUT_MS } from './migrate-all';
import type { SubgraphInfo } from '#platform/server';

type Info = Pick<SubgraphInfo, 'name' | 'entities'>;

/** Runs `work` with a short-lived ORM of one subgraph's schema. */
export async function withOrm<T>(info: Info, sharedUrl: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const orm = await openDatabase({
    schema: info.name,
    clientUrl: databaseUrlFor(info.name, sharedUrl),
    entities: [...info.entities],
    poolMax: 2,
    acquireTimeoutMs: ONE_OFF_ACQUIRE_TIMEOUT_MS,
  });
  try {
    return await work(orm.em.fork());
  } finally {
    await orm.close();
  }
}
