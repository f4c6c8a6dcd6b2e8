import DataLoader from 'dataloader';
import type { QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { selectPlain } from './sql';

/**
 * A per-request DataLoader that fetches entities by one unique column, all keys of a tick in
 * one `where column in (…)` statement. Missing keys resolve to null.
 */
export function entityLoader<E extends object, K extends keyof E & string>(
  em: EntityManager,
  entity: new () => E,
  column: K,
): DataLoader<string, E | null> {
  return new DataLoader<string, E | null>(async (values) => {
    // MikroORM types a generic entity's rows as `Loaded<E>`, which TypeScript cannot narrow for an unknown E.
    const rows = (await em.find(entity, { [column]: { $in: [...values] } })) as E[];
    const found = new Map(rows.map((row) => [String(row[column]), row]));
    return values.map((value) => found.get(value) ?? null);
  });
}

/**
 * A per-request DataLoader for the many rows that share a column value (a product's variants, a
 * customer's addresses): every key of a tick in one statement, each key's rows in `orderBy`
 * order. A key with no rows resolves to an empty list.
 */
export function entityListLoader<E extends object, K extends keyof E & string>(
  em: EntityManager,
  entity: new () => E,
  column: K,
  orderBy: Partial<Record<keyof E & string, 'asc' | 'desc'>>,
): DataLoader<string, E[]> {
  return new DataLoader<string, E[]>(async (values) => {
    const rows = (await em.find(entity, { [column]: { $in: [...values] } }, { orderBy: orderBy as QueryOrderMap<E> })) as E[];
    return groupByKey(values, rows, column);
  });
}

/**
 * `entityListLoader` for read paths that only read: the same statement, but each row comes back
 * as a plain object with the entity's property names and types, never an entity. On a storefront
 * page that touches a thousand rows, entity creation and the identity map cost far more than the
 * query; a row read this way must not be changed and flushed.
 */
export function plainListLoader<E extends object, K extends keyof E & string>(
  em: EntityManager,
  entity: new () => E,
  column: K,
  orderBy: Partial<Record<keyof E & string, 'asc' | 'desc'>>,
): DataLoader<string, E[]> {
  return new DataLoader<string, E[]>(async (values) => {
    const query = em
      .createQueryBuilder(entity)
      .select('*')
      .where({ [column]: { $in: [...values] } })
      .orderBy(orderBy as QueryOrderMap<E>)
      .getKnexQuery()
      .toSQL();
    return groupByKey(values, await selectPlain(em, entity, query.sql, query.bindings as Knex.RawBinding[]), column);
  });
}

/** Each key's rows, in the order they came; a key with none gets an empty list. */
function groupByKey<E extends object>(keys: readonly string[], rows: E[], column: keyof E & string): E[][] {
  const groups = new Map<string, E[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(String(row[column]))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row, so callers answer it without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
