import type { EntityManager } from '@mikro-orm/postgresql';
import { publishEvents } from '#platform/outbox';
import { SCHEMA } from '../constants';
import { CategoryChanged, ProductChanged } from '../contract';

/** Records in the caller's transaction that a product changed (its variants and prices included). */
export async function publishProductChanged(em: EntityManager, productId: string): Promise<void> {
  await publishEvents(em, SCHEMA, [ProductChanged.event(productId, { productId })]);
}

/** Records in the caller's transaction that a category changed. */
export async function publishCategoryChanged(em: EntityManager, categoryId: string): Promise<void> {
  await publishEvents(em, SCHEMA, [CategoryChanged.event(categoryId, { categoryId })]);
}
