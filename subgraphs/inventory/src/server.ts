import { url } from 'envalid';
import { loadConfig, positiveInt } from '#platform/config';
import { buildSubgraph, defineSubgraph, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { createInventoryContext } from './context';
import { buildInventorySchema } from './schema';
import { catalogClient, type CatalogClient } from './services/catalog-client';
import { LiveStockFeed } from './services/live-stock-feed';
import { sweepExpiredReservations } from './services/reservation-sweeper';
import { inventorySubgraph } from './subgraph';

export interface InventorySettings {
  /** The products subgraph, asked whether a SKU exists before it is first stocked. */
  productsUrl: string;
  /** Answers instead of the products subgraph (tests). */
  catalog?: CatalogClient;
  /** How often expired reservations are released; 0 turns the sweeper off. */
  reservationSweepMs?: number;
}

const DEFAULT_RESERVATION_SWEEP_MS = 5_000;

/** Locations, stock levels and their ledger, reservations, transfers and purchase orders. */
export const inventory = defineSubgraph({
  info: inventorySubgraph,
  schema: buildInventorySchema,
  settings: (env): InventorySettings => {
    const vars = loadConfig(
      {
        PRODUCTS_URL: url({ default: 'http://127.0.0.1:4001/graphql' }),
        RESERVATION_SWEEP_MS: positiveInt({ default: DEFAULT_RESERVATION_SWEEP_MS }),
      },
      env,
    );
    return { productsUrl: vars.PRODUCTS_URL, reservationSweepMs: vars.RESERVATION_SWEEP_MS };
  },
  setup: async (kit, settings: InventorySettings) => {
    const catalog = settings.catalog ?? catalogClient(kit.client('products', settings.productsUrl));
    kit.every('expired reservation release', settings.reservationSweepMs ?? DEFAULT_RESERVATION_SWEEP_MS, () =>
      sweepExpiredReservations(kit.orm),
    );
    const live = await kit.start(new LiveStockFeed({ databaseUrl: kit.databaseUrl, logger: kit.logger }));
    return (base) => createInventoryContext(base, catalog, live);
  },
});

export type InventoryServerConfig = SubgraphServerConfig & InventorySettings;

/** Builds the inventory subgraph without listening; the caller binds it (index.ts or a test). */
export function createInventoryServer(config: InventoryServerConfig): Promise<SubgraphServer> {
  return buildSubgraph(inventory, config);
}
