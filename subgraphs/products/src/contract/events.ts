import { z } from 'zod';
import { defineEvent } from '#platform/events';

/**
 * A product, or one of its variants, changed: created, edited, repriced, archived, published or
 * unpublished. Keyed by the product's id; the payload names the product only, so a reader that
 * needs the new state asks for it (the gateway drops its cached catalog answers on any of these).
 */
export const ProductChanged = defineEvent('product.changed', z.object({ productId: z.string().min(1) }));

/** A category was created, renamed or moved. Keyed by the category's id. */
export const CategoryChanged = defineEvent('category.changed', z.object({ categoryId: z.string().min(1) }));

export type ProductChangedPayload = ReturnType<typeof ProductChanged.parse>;
export type CategoryChangedPayload = ReturnType<typeof CategoryChanged.parse>;
