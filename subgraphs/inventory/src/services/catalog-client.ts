import { LRUCache } from 'lru-cache';
import { unknownEntityKeys, type CallerContext, type InternalClient } from '#platform/internal';

/** What inventory asks of the catalog: which of these SKUs does it not know? */
export interface CatalogClient {
  /**
   * The SKUs no product variant has. Throws a SUBGRAPH_UNAVAILABLE GraphQL error when the catalog
   * cannot answer, and refuses (like any network call) to run inside a transaction.
   */
  unknownSkus(caller: CallerContext, skus: readonly string[]): Promise<string[]>;
}

/** SKUs are rarely removed, and stock is first recorded for a SKU in bursts (a delivery, a count). */
const KNOWN_FOR_MS = 5 * 60_000;
const KNOWN_MAX = 100_000;

/**
 * Asks the products subgraph through its federation entry point, one `_entities` call for all
 * SKUs, through the platform's internal client (service credentials, the request's deadline).
 * SKUs it knows are remembered for a few minutes.
 */
export function catalogClient(products: InternalClient): CatalogClient {
  const known = new LRUCache<string, true>({ max: KNOWN_MAX, ttl: KNOWN_FOR_MS });
  return {
    async unknownSkus(caller, skus) {
      const toAsk = [...new Set(skus)].filter((sku) => !known.has(sku));
      if (toAsk.length === 0) return [];
      const unknown = await unknownEntityKeys(caller, products, 'ProductVariant', 'sku', toAsk);
      const missing = new Set(unknown);
      for (const sku of toAsk) if (!missing.has(sku)) known.set(sku, true);
      return unknown;
    },
  };
}
