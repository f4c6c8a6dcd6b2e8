import { isStaff } from '#platform/auth';
import type { OrdersContext } from '../context';
import { findFulfillmentOrder } from '../fulfilment/pick-list';
import { findCart } from '../services/cart-access';
import { findOrder } from '../services/order-query.service';

/** How the gateway resolves this subgraph's entities from other subgraphs' references, batched. */
export const references = {
  Order: { __resolveReference: (ref: { id: string }, ctx: OrdersContext) => findOrder(ctx, ref.id) },
  Cart: { __resolveReference: (ref: { id: string }, ctx: OrdersContext) => findCart(ctx, ref.id) },
  // `node(id:)` on a fulfilment order: staff of a store it leaves from or is collected at, managers any, as `fulfillmentOrder(id)`.
  FulfillmentOrder: {
    __resolveReference: (ref: { id: string }, ctx: OrdersContext) => (isStaff(ctx.viewer) ? findFulfillmentOrder(ctx, ref.id) : null),
  },
  // The active cart resolves from the id; access is checked there.
  Customer: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
  // Sales and recommendations hang off the key; the catalog owns the product itself.
  Product: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};
