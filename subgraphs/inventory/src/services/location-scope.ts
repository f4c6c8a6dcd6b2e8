import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import { MANAGER_ROLES, requireLocationAccess } from '#platform/auth';
import { isUuid } from '#platform/db';
import type { InventoryContext } from '../context';

/**
 * Refuses staff of another store a step on a document (transfer, purchase order) named by id,
 * before anything is locked or validated. Managers act anywhere, so nothing is read for them;
 * an unknown id passes here and is reported as NOT_FOUND by the operation itself. Runs before
 * the mutation's transaction, on a fork, so the request's identity map stays empty.
 */
export async function requireDocumentAccess<T extends { id: string }>(
  ctx: InventoryContext,
  entity: EntityClass<T>,
  id: string,
  locationsOf: (document: T) => string[],
): Promise<void> {
  if (MANAGER_ROLES.includes(ctx.viewer.role)) return;
  const document = isUuid(id) ? await ctx.em.fork().findOne(entity, { id } as FilterQuery<T>) : null;
  if (document) requireLocationAccess(ctx.viewer, ...locationsOf(document));
}
