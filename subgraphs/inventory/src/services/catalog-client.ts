import { GraphQLError } from 'graphql';

/** What inventory asks of the catalog: which of these SKUs does it not know? */
export interface CatalogClient {
  unknownSkus(skus: string[]): Promise<string[]>;
}

/**
 * Asks the products subgraph through its federation entry point, the same way the gateway
 * would: one `_entities` call for all SKUs. Known SKUs are remembered for a few minutes.
 */
export function httpCatalogClient(productsUrl: string, options: { timeoutMs?: number; headers?: () => Record<string, string> } = {}): CatalogClient {
  const known = new Map<string, number>();
  const TTL = 5 * 60_000;
  return {
    async unknownSkus(skus) {
      const now = Date.now();
      const toAsk = [...new Set(skus)].filter((sku) => (known.get(sku) ?? 0) < now);
      if (toAsk.length === 0) return [];
      let response: Response;
      try {
        response = await fetch(productsUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers?.() },
          body: JSON.stringify({
            query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { sku } } }',
            variables: { r: toAsk.map((sku) => ({ __typename: 'ProductVariant', sku })) },
          }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
      } catch {
        throw catalogUnavailable();
      }
      const body = (await response.json().catch(() => ({}))) as { data?: { _entities: ({ sku: string } | null)[] } };
      if (!response.ok || !body.data) throw catalogUnavailable();
      const found = new Set(body.data._entities.filter((e): e is { sku: string } => e !== null).map((e) => e.sku));
      for (const sku of found) known.set(sku, now + TTL);
      return toAsk.filter((sku) => !found.has(sku));
    },
  };
}

function catalogUnavailable(): GraphQLError {
  return new GraphQLError('The product catalog cannot be reached to check SKUs; nothing was changed, try again shortly', {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'products' },
  });
}
