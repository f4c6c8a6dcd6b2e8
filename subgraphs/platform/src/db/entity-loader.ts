import DataLoader from 'dataloader';
import type { QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

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
    const groups = new Map<string, E[]>(values.map((value) => [value, []]));
    for (const row of rows) groups.get(String(row[column]))?.push(row);
    return values.map((value) => groups.get(value) ?? []);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row, so callers answer it without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
