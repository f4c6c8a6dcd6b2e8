import { str } from 'envalid';
import { ConfigError, loadConfig } from '#platform/config';
import { isCurrencyCode } from '#platform/graphql';
import { runSubgraphProcess } from '#platform/server';
import { createProductsServer } from './server';
import { productsSubgraph } from './subgraph';

/** The products subgraph process: the only file that reads the environment and listens. */
runSubgraphProcess(productsSubgraph, (config) => {
  const { SHOP_CURRENCY } = loadConfig({ SHOP_CURRENCY: str({ default: 'EUR' }) });
  if (!isCurrencyCode(SHOP_CURRENCY)) {
    throw new ConfigError(`Invalid configuration:\n  SHOP_CURRENCY: "${SHOP_CURRENCY}" is not a supported ISO 4217 code`);
  }
  return createProductsServer({ ...config, currencyCode: SHOP_CURRENCY });
});
