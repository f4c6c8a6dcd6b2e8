import type { ProductsContext } from '../context';
import { isUuid } from '#platform/db';

/** How the gateway resolves this subgraph's entities from other subgraphs' references, batched. */
export const references = {
  Product: {
    __resolveReference: (ref: { id: string }, ctx: ProductsContext) => (isUuid(ref.id) ? ctx.loaders.productById.load(ref.id) : null),
  },
  ProductVariant: {
    __resolveReference: (ref: { id?: string; sku?: string }, ctx: ProductsContext) => {
      if (ref.id !== undefined) return isUuid(ref.id) ? ctx.loaders.variantById.load(ref.id) : null;
      return ctx.loaders.variantBySku.load(ref.sku as string);
    },
  },
  Category: {
    __resolveReference: (ref: { id: string }, ctx: ProductsContext) => (isUuid(ref.id) ? ctx.loaders.categoryById.load(ref.id) : null),
  },
};
