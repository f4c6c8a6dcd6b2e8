import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Runs raw SQL inside `em`'s transaction when it has one. `?` placeholders, bound by the driver
 * (a JS array binds as a PostgreSQL array, so `= any(?)` and `unnest(?::int[])` work); returns
 * the rows. For statements the ORM cannot express: guarded updates, locks, bulk inserts.
 */
export async function sql<T = Record<string, unknown>>(em: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const runner = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  const result: { rows: T[] } = await runner.raw(text, params as Knex.RawBinding[]);
  return result.rows;
}

/**
 * Whether `error` is `constraint` violated: the ORM throws UniqueConstraintViolationException, raw SQL (`sql`) the
 * driver's own error (PostgreSQL's unique_violation, 23505); both name the constraint.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const named = error as { code?: string; constraint?: string } | null;
  if (error instanceof UniqueConstraintViolationException) return named?.constraint === constraint;
  return named?.code === '23505' && named.constraint === constraint;
}

/**
 * Reads rows of an entity's table as plain objects with the entity's property names and types
 * (dates as Dates, bigints as numbers), skipping the ORM's change tracking: for read-only hot
 * paths where hydrating a few hundred entities costs more than the query itself.
 */
export async function selectPlain<T extends object>(
  em: EntityManager,
  entity: new () => T,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await sql<Record<string, unknown>>(em, text, params)).map(plainRowMapper(em, entity));
}

/** Turns a row of `entity`'s table (column names) into a plain object with its property names and types. */
export function plainRowMapper<T extends object>(em: EntityManager, entity: new () => T): (row: Record<string, unknown>) => T {
  const comparator = em.getComparator();
  const platform = em.getPlatform();
  // mapResult renames columns and revives dates; custom types (bigint as number…) are ours to apply.
  const typed = em
    .getMetadata()
    .get(entity.name)
    .props.filter((prop) => prop.customType);
  return (row) => {
    const data = comparator.mapResult(entity.name, row) as Record<string, unknown>;
    for (const prop of typed) {
      if (data[prop.name] != null) data[prop.name] = prop.customType!.convertToJSValue(data[prop.name], platform);
    }
    return data as T;
  };
}
