import { buildSubgraphServer, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { createProductsContext, type ProductsSettings } from './context';
import { buildProductsSchema } from './schema';
import { productsSubgraph } from './subgraph';

/** Builds the products subgraph without listening; the caller binds it (index.ts or a test). */
export async function createProductsServer(config: SubgraphServerConfig & ProductsSettings): Promise<SubgraphServer> {
  const schema = await buildProductsSchema();
  return buildSubgraphServer(productsSubgraph, config, schema, (base) =>
    createProductsContext(base, { currencyCode: config.currencyCode }),
  );
}
