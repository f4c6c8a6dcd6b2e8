import type { RequestContext } from '#platform/server';
import { createInventoryLoaders, type InventoryLoaders } from './loaders/inventory.loaders';
import type { CatalogClient } from './services/catalog-client';
import type { LiveStockFeed } from './services/live-stock-feed';

/** The inventory subgraph's request context: the platform's, plus the catalog client and DataLoaders. */
export interface InventoryContext extends RequestContext {
  /** Checks SKUs against the product catalog before stock is first recorded for them; never inside a transaction. */
  readonly catalog: CatalogClient;
  readonly loaders: InventoryLoaders;
  /** The outbox feed behind this subgraph's own subscriptions. */
  readonly live: LiveStockFeed;
}

/**
 * Builds the context of a request, and again on a transaction's EntityManager inside
 * `runMutation`: the loaders are made on `base.em`, so inside a transaction they read through it.
 */
export function createInventoryContext(base: RequestContext, catalog: CatalogClient, live: LiveStockFeed): InventoryContext {
  return { ...base, catalog, live, loaders: createInventoryLoaders(base.em) };
}
