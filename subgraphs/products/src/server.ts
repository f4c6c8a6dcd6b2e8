import { buildSubgraph, defineSubgraph, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { createProductsContext, productsSettings, type ProductsSettings } from './context';
import { buildProductsSchema } from './schema';
import { productsSubgraph } from './subgraph';

/** The products subgraph: the catalog of products, variants, categories, channels and prices. */
export const products = defineSubgraph({
  info: productsSubgraph,
  schema: buildProductsSchema,
  settings: productsSettings,
  // `settings` arrives merged with the server config; a request needs only the shop currency.
  setup:
    (_kit, { currencyCode }) =>
    (base) =>
      createProductsContext(base, { currencyCode }),
});

/** Builds the products subgraph without listening; the caller binds it (index.ts or a test). */
export function createProductsServer(config: SubgraphServerConfig & ProductsSettings): Promise<SubgraphServer> {
  return buildSubgraph(products, config);
}
