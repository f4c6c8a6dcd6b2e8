import type { PromotionsContext } from '../context';
import { findDiscount } from '../services/discount-query.service';

/** How the gateway resolves this subgraph's entities from other subgraphs' references, batched. */
export const references = {
  // Loyalty, store credit and gift cards resolve from the id through batched loaders.
  Customer: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
  Discount: { __resolveReference: (ref: { id: string }, ctx: PromotionsContext) => findDiscount(ctx, ref.id) },
};
