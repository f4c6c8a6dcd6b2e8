import { createLogger, type Logger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { createPromotionsServer } from '../../subgraphs/promotions/src/server';
import { startCustomers, type CustomersHarness } from './customers';
import { forgetDefaultCaller, setDefaultCaller } from './graphql-client';
import { startProducts, type ProductsHarness } from './products';
import { asAdmin, TEST_JWT_SECRET } from './tokens';

/** Where nothing listens: a subgraph that cannot be reached. */
export const UNREACHABLE_URL = 'http://127.0.0.1:9/graphql';

export interface PromotionsHarness {
  products: ProductsHarness;
  /** The customers subgraph, when the harness was asked to start one. */
  customers: CustomersHarness | null;
  server: SubgraphServer;
  url: string;
  close(): Promise<void>;
}

export interface PromotionsHarnessOptions {
  /** How often the server sweeps expired redemptions; off (0) unless asked for, so tests sweep when they choose. */
  redemptionSweepMs?: number;
  /** Start a customers subgraph for segments; otherwise nothing answers for it. */
  withCustomers?: boolean;
  /** Send products look-ups here instead of the products subgraph started (e.g. UNREACHABLE_URL). */
  productsUrl?: string;
  /** The promotions server's logger; silent unless a test reads what it logs. */
  logger?: Logger;
}

/**
 * The products subgraph (demo catalog) and the promotions subgraph on one fresh database, with
 * the default connection pool; requests go out as an admin unless a test says otherwise.
 * Customers, when asked for, run on a database of their own, as another team's service would.
 */
export async function startPromotions(options: PromotionsHarnessOptions = {}): Promise<PromotionsHarness> {
  const products = await startProducts({ seed: true });
  const customers = options.withCustomers ? await startCustomers() : null;
  const server = await createPromotionsServer({
    databaseUrl: products.db.url,
    productsUrl: options.productsUrl ?? products.url,
    customersUrl: customers?.url ?? UNREACHABLE_URL,
    currencyCode: 'EUR',
    logger: options.logger ?? createLogger('promotions-test', 'silent'),
    jwtSecret: TEST_JWT_SECRET,
    redemptionSweepMs: options.redemptionSweepMs ?? 0,
  });
  const base = await server.listen(0);
  setDefaultCaller(`${base}/graphql`, await asAdmin());
  return {
    products,
    customers,
    server,
    url: `${base}/graphql`,
    close: async () => {
      forgetDefaultCaller(`${base}/graphql`);
      await server.close();
      await customers?.close();
      await products.close();
    },
  };
}
