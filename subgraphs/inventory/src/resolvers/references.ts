import { isStaff } from '#platform/auth';
import type { InventoryContext } from '../context';
import { findLocation } from '../services/location-query.service';
import { findPurchaseOrder } from '../services/purchase-order-query.service';
import { findLevel } from '../services/stock-query.service';
import { findTransfer } from '../services/transfer-query.service';

/** How the gateway resolves this subgraph's entities from other subgraphs' references, batched. */
export const references = {
  InventoryLevel: { __resolveReference: (ref: { id: string }, ctx: InventoryContext) => findLevel(ctx, ref.id) },
  // A reference to a transfer (an order waiting on it, or `node(id:)`) shows it to staff only, as `inventoryTransfer(id)` does.
  InventoryTransfer: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => (isStaff(ctx.viewer) ? findTransfer(ctx, ref.id) : null),
  },
  // `node(id:)` on a purchase order shows it to staff only, as `purchaseOrder(id)` does.
  PurchaseOrder: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => (isStaff(ctx.viewer) ? findPurchaseOrder(ctx, ref.id) : null),
  },
  Location: { __resolveReference: (ref: { id: string }, ctx: InventoryContext) => findLocation(ctx, ref.id) },
  // Stock hangs off the SKU (and a product's SKUs); the fields resolve through batched loaders.
  ProductVariant: { __resolveReference: (ref: { sku: string }) => ({ sku: ref.sku }) },
  Product: { __resolveReference: (ref: { id: string; variantSkus?: string[] }) => ({ id: ref.id, variantSkus: ref.variantSkus ?? [] }) },
};
