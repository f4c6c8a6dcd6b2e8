import type { RequestContext } from '#platform/server';
import { createInventoryLoaders, type InventoryLoaders } from './loaders/inventory.loaders';
import type { CatalogClient } from './services/catalog-client';

export interface InventorySettings {
  /** Checks SKUs against the product catalog before stock is first recorded for them. */
  catalog: CatalogClient;
}

/** The inventory subgraph's request context: the platform's, plus its settings and DataLoaders. */
export interface InventoryContext extends RequestContext, InventorySettings {
  loaders: InventoryLoaders;
}

export function createInventoryContext(base: RequestContext, settings: InventorySettings): InventoryContext {
  return { ...base, ...settings, loaders: createInventoryLoaders(base.em) };
}
