import { LockMode, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '#platform/db';
import { keysetAfter, readOrder, rowsAfter, UserError, UserErrorsException, type PageRequest } from '#platform/graphql';
import { InventoryErrorCode } from '../errors';
import { documentNumber } from '../rules/stock-document';

/** The stored side of transfers and purchase orders: free numbers, row locks, newest-first pages. */

/** A number no stored document has; a concurrent twin is caught by the unique constraint. */
export async function freeNumber<T extends { number: string }>(em: EntityManager, entity: EntityClass<T>, prefix: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const candidate = documentNumber(prefix);
    if ((await em.count(entity, { number: candidate } as FilterQuery<T>)) === 0) return candidate;
  }
  throw new Error(`No free ${prefix} number after 5 attempts`);
}

/** Loads a document for update, so concurrent status changes of it run one after another. */
export async function lockDocument<T extends { id: string; status: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: string,
  label: string,
): Promise<T> {
  const document = isUuid(id)
    ? await em.findOne(entity, { id } as FilterQuery<T>, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
    : null;
  if (!document) throw new UserErrorsException([new UserError(['id'], `No ${label} with id "${id}"`, InventoryErrorCode.NOT_FOUND)]);
  return document;
}

/**
 * Where-clause and order of a newest-first page: rows older than the cursor's (createdAt, id),
 * or newer than `before`'s when paging backward.
 */
export function newestFirstPage(page: PageRequest): {
  where: Record<string, unknown>;
  orderBy: { createdAt: 'asc' | 'desc'; id: 'asc' | 'desc' };
} {
  const order = readOrder(page, 'desc');
  return { where: rowsAfter(keysetAfter(page, ['date', 'uuid']), 'createdAt', order), orderBy: { createdAt: order, id: order } };
}

/** The cursor of a row in a newest-first list. */
export const newestFirstCursor = (row: { createdAt: Date; id: string }): unknown[] => [row.createdAt.toISOString(), row.id];
