import { createLogger, type Logger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { createGatewayServer, type GatewayServer } from '../../gateway/src/server';
import { loadSupergraph } from '../../gateway/src/supergraph';
import { createCustomersServer } from '../../subgraphs/customers/src/server';
import { createInventoryServer } from '../../subgraphs/inventory/src/server';
import { createOrdersServer } from '../../subgraphs/orders/src/server';
import { createProductsServer } from '../../subgraphs/products/src/server';
import { createPromotionsServer } from '../../subgraphs/promotions/src/server';

export interface InProcessSystemOptions {
  databaseUrl: string;
  jwtSecret: Uint8Array;
  gatewaySecret: string;
  logger?: Logger;
  /** Connections per subgraph; the production default (10) unless a bench asks for more. */
  poolMax?: number;
  /** Where the orders and customers subgraphs write customer mail (no SMTP in tests); `.data/mail` unless given. */
  mailDirectory?: string;
  /** Each subgraph's request deadline; the production default unless a test on a starved machine needs more. */
  requestTimeoutMs?: number;
}

export interface InProcessSubgraphs {
  /** Each subgraph's own endpoint, for calls a gateway would never make. */
  urls: Record<string, string>;
  servers: Record<string, SubgraphServer>;
  close(): Promise<void>;
}

export interface InProcessSystem extends InProcessSubgraphs {
  gatewayUrl: string;
  gateway: GatewayServer;
}

/**
 * The five subgraphs in this process, wired as `npm start` wires its child processes (one
 * database, one token secret, the gateway secret required), each on a free port. Background
 * sweepers are off so tests and benches decide when they run.
 */
export async function startInProcessSubgraphs(options: InProcessSystemOptions): Promise<InProcessSubgraphs> {
  const logger = options.logger ?? createLogger('system', 'silent');
  const base = {
    databaseUrl: options.databaseUrl,
    jwtSecret: options.jwtSecret,
    gatewaySecret: options.gatewaySecret,
    logger,
    poolMax: options.poolMax,
    requestTimeoutMs: options.requestTimeoutMs,
    maintenanceMs: 0,
  };
  const servers: Record<string, SubgraphServer> = {};
  const urls: Record<string, string> = {};
  const listen = async (name: string, server: SubgraphServer) => {
    servers[name] = server;
    urls[name] = `${await server.listen(0)}/graphql`;
  };
  try {
    await listen('products', await createProductsServer({ ...base, currencyCode: 'EUR' }));
    await listen('inventory', await createInventoryServer({ ...base, productsUrl: urls.products, reservationSweepMs: 0 }));
    await listen(
      'customers',
      await createCustomersServer({
        ...base,
        inventoryUrl: urls.inventory,
        defaultPhoneRegion: 'DE',
        eventPollMs: 100,
        mailDirectory: options.mailDirectory,
      }),
    );
    await listen(
      'promotions',
      await createPromotionsServer({
        ...base,
        currencyCode: 'EUR',
        productsUrl: urls.products,
        customersUrl: urls.customers,
        redemptionSweepMs: 0,
        eventPollMs: 100,
      }),
    );
    // Last: it calls products, inventory and promotions.
    await listen(
      'orders',
      await createOrdersServer({
        ...base,
        currencyCode: 'EUR',
        productsUrl: urls.products,
        inventoryUrl: urls.inventory,
        promotionsUrl: urls.promotions,
        customersUrl: urls.customers,
        mailDirectory: options.mailDirectory,
        checkoutSweepMs: 0,
        salesRollupFoldMs: 0,
        eventPollMs: 100,
      }),
    );
  } catch (error) {
    await Promise.all(Object.values(servers).map((server) => server.close()));
    throw error;
  }
  return { urls, servers, close: async () => void (await Promise.all(Object.values(servers).map((server) => server.close()))) };
}

/** The five subgraphs and the real gateway in front of them, in this process. */
export async function startInProcessSystem(options: InProcessSystemOptions): Promise<InProcessSystem> {
  const subgraphs = await startInProcessSubgraphs(options);
  const gateway = await createGatewayServer({
    supergraph: await loadSupergraph(),
    subgraphUrls: subgraphs.urls,
    timeoutMs: 10_000,
    logger: options.logger ?? createLogger('system', 'silent'),
    landingPage: false,
    jwtSecret: options.jwtSecret,
    gatewaySecret: options.gatewaySecret,
  });
  const gatewayUrl = `${await gateway.listen(0)}/graphql`;
  return {
    ...subgraphs,
    gatewayUrl,
    gateway,
    close: async () => {
      await gateway.close();
      await subgraphs.close();
    },
  };
}
