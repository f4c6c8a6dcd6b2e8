import { ServiceCredentials } from '#platform/auth';
import { buildSubgraphServer, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { createInventoryContext } from './context';
import { buildInventorySchema } from './schema';
import { httpCatalogClient, type CatalogClient } from './services/catalog-client';
import { startReservationSweeper } from './services/reservation-sweeper';
import { inventorySubgraph } from './subgraph';

export interface InventoryServerConfig extends SubgraphServerConfig {
  /** The products subgraph, asked whether a SKU exists before it is first stocked. */
  productsUrl: string;
  catalog?: CatalogClient;
  /** How often expired reservations are released; 0 turns the sweeper off. */
  reservationSweepMs?: number;
}

/** Builds the inventory subgraph without listening; the caller binds it (index.ts or a test). */
export async function createInventoryServer(config: InventoryServerConfig): Promise<SubgraphServer> {
  const schema = await buildInventorySchema();
  const credentials = new ServiceCredentials(inventorySubgraph.name, config.jwtSecret ?? null, config.gatewaySecret ?? null);
  const catalog = config.catalog ?? httpCatalogClient(config.productsUrl, { headers: () => credentials.headers() });
  const server = await buildSubgraphServer(inventorySubgraph, config, schema, (base) => createInventoryContext(base, { catalog }));
  const sweeper = startReservationSweeper(server.orm, config.logger, config.reservationSweepMs ?? 5_000);
  return {
    ...server,
    close: async () => {
      await sweeper.stop();
      await server.close();
    },
  };
}
