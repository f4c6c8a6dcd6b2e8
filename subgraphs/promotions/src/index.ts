import { str, url } from 'envalid';
import { ConfigError, loadConfig, positiveInt } from '#platform/config';
import { isCurrencyCode } from '#platform/graphql';
import { runSubgraphProcess } from '#platform/server';
import { createPromotionsServer } from './server';
import { promotionsSubgraph } from './subgraph';

/** The promotions subgraph process: the only file that reads the environment and listens. */
runSubgraphProcess(promotionsSubgraph, (config) => {
  const env = loadConfig({
    SHOP_CURRENCY: str({ default: 'EUR' }),
    PRODUCTS_URL: url({ default: 'http://127.0.0.1:4001/graphql' }),
    CUSTOMERS_URL: url({ default: 'http://127.0.0.1:4004/graphql' }),
    REDEMPTION_SWEEP_MS: positiveInt({ default: 5_000 }),
    CUSTOMERS_DATABASE_URL: url({ default: undefined }),
    EVENT_POLL_MS: positiveInt({ default: 1_000 }),
  });
  if (!isCurrencyCode(env.SHOP_CURRENCY)) {
    throw new ConfigError(`Invalid configuration:\n  SHOP_CURRENCY: "${env.SHOP_CURRENCY}" is not a supported ISO 4217 code`);
  }
  return createPromotionsServer({
    ...config,
    currencyCode: env.SHOP_CURRENCY,
    productsUrl: env.PRODUCTS_URL,
    customersUrl: env.CUSTOMERS_URL,
    redemptionSweepMs: env.REDEMPTION_SWEEP_MS,
    customersDatabaseUrl: env.CUSTOMERS_DATABASE_URL,
    eventPollMs: env.EVENT_POLL_MS,
  });
});
