import { unknownEntityKeys } from '#platform/internal';

/** What inventory asks of the catalog: which of these SKUs does it not know? */
export interface CatalogClient {
  unknownSkus(skus: string[]): Promise<string[]>;
}

/**
 * Asks the products subgraph through its federation entry point, one `_entities` call for all
 * SKUs. Known SKUs are remembered for a few minutes: SKUs are rarely removed, and stock is
 * first recorded for a SKU in bursts (a delivery, a count).
 */
export function httpCatalogClient(
  productsUrl: string,
  options: { timeoutMs?: number; headers?: () => Promise<Record<string, string>> } = {},
): CatalogClient {
  const known = new Map<string, number>();
  const TTL = 5 * 60_000;
  return {
    async unknownSkus(skus) {
      const now = Date.now();
      const toAsk = [...new Set(skus)].filter((sku) => (known.get(sku) ?? 0) < now);
      const unknown = await unknownEntityKeys(productsUrl, 'ProductVariant', 'sku', toAsk, {
        timeoutMs: options.timeoutMs,
        headers: await options.headers?.(),
        ownerName: 'product catalog',
      });
      const missing = new Set(unknown);
      for (const sku of toAsk) if (!missing.has(sku)) known.set(sku, now + TTL);
      return unknown;
    },
  };
}
