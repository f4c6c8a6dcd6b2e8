import { createLogger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { createPromotionsServer } from '../../subgraphs/promotions/src/server';
import { setDefaultCaller } from './graphql-client';
import { startProducts, type ProductsHarness } from './products';
import { asAdmin, TEST_JWT_SECRET } from './tokens';

export interface PromotionsHarness {
  products: ProductsHarness;
  server: SubgraphServer;
  url: string;
  close(): Promise<void>;
}

/**
 * The products subgraph (demo catalog) and the promotions subgraph on one fresh database; requests
 * go out as an admin unless a test says otherwise. The redemption sweeper is off unless asked
 * for, so tests sweep when they choose. Nothing answers for the customers subgraph here.
 */
export async function startPromotions(options: { redemptionSweepMs?: number } = {}): Promise<PromotionsHarness> {
  const products = await startProducts({ seed: true });
  const server = await createPromotionsServer({
    databaseUrl: products.db.url,
    productsUrl: products.url,
    // Segments live in the customers subgraph; tests that need it run the whole supergraph.
    customersUrl: 'http://127.0.0.1:9/graphql',
    currencyCode: 'EUR',
    logger: createLogger('promotions-test', 'silent'),
    poolMax: 40,
    jwtSecret: TEST_JWT_SECRET,
    redemptionSweepMs: options.redemptionSweepMs ?? 0,
  });
  const base = await server.listen(0);
  setDefaultCaller(`${base}/graphql`, await asAdmin());
  return {
    products,
    server,
    url: `${base}/graphql`,
    close: async () => {
      await server.close();
      await products.close();
    },
  };
}
