import { str, url } from 'envalid';
import { isSupportedCountry } from 'libphonenumber-js';
import { ConfigError, loadConfig } from '#platform/config';
import { runSubgraphProcess } from '#platform/server';
import { createCustomersServer } from './server';
import { customersSubgraph } from './subgraph';

/** The customers subgraph process: the only file that reads the environment and listens. */
runSubgraphProcess(customersSubgraph, (config) => {
  const env = loadConfig({
    INVENTORY_URL: url({ default: 'http://127.0.0.1:4002/graphql' }),
    DEFAULT_PHONE_REGION: str({ default: 'DE' }),
  });
  const region = env.DEFAULT_PHONE_REGION.toUpperCase();
  if (!isSupportedCountry(region)) {
    throw new ConfigError(`Invalid configuration:\n  DEFAULT_PHONE_REGION: "${region}" is not a supported region code`);
  }
  return createCustomersServer({ ...config, inventoryUrl: env.INVENTORY_URL, defaultPhoneRegion: region });
});
