import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Runs raw SQL inside `em`'s transaction when it has one. `?` placeholders, bound by the driver
 * (a JS array binds as a PostgreSQL array, so `= any(?)` and `unnest(?::int[])` work); returns
 * the rows. For statements the ORM cannot express: guarded updates, locks, bulk inserts.
 */
export async function sql<T = Record<string, unknown>>(em: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const runner = (em.getTransactionContext<Knex.Transaction>() ?? em.getKnex()) as Knex;
  const result = (await runner.raw(text, params as Knex.RawBinding[])) as { rows: T[] };
  return result.rows;
}
