import { url } from 'envalid';
import { loadConfig, positiveInt } from '#platform/config';
import { runSubgraphProcess } from '#platform/server';
import { createInventoryServer } from './server';
import { inventorySubgraph } from './subgraph';

/** The inventory subgraph process: the only file that reads the environment and listens. */
runSubgraphProcess(inventorySubgraph, (config) => {
  const env = loadConfig({
    PRODUCTS_URL: url({ default: 'http://127.0.0.1:4001/graphql' }),
    RESERVATION_SWEEP_MS: positiveInt({ default: 5_000 }),
  });
  return createInventoryServer({ ...config, productsUrl: env.PRODUCTS_URL, reservationSweepMs: env.RESERVATION_SWEEP_MS });
});
