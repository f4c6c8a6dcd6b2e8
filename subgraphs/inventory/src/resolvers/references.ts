import type { InventoryContext } from '../context';
import { findLocation } from '../services/location-query.service';

/** How the gateway resolves this subgraph's entities from other subgraphs' references, batched. */
export const references = {
  Location: { __resolveReference: (ref: { id: string }, ctx: InventoryContext) => findLocation(ctx, ref.id) },
};
