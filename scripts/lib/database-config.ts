import { num, port, str, url } from 'envalid';
import { loadConfig, ConfigError } from '#platform/config';
import { isCurrencyCode } from '#platform/graphql';
import { repoRoot } from './paths';
import type { SubgraphLayout } from './system-processes';

/** Orders of history the demo shop starts with, so reports and recommendations have something to show. */
export const DEMO_ORDER_HISTORY = 300;
import { resolve } from 'node:path';

/** Settings of the scripts that run before the services: where the data lives. */
export function loadScriptConfig(env = process.env) {
  const raw = loadConfig(
    {
      DATABASE_URL: url({ default: undefined }),
      DATA_DIR: str({ default: resolve(repoRoot, '.data') }),
      EMBEDDED_POSTGRES_PORT: port({ default: 54329 }),
      SHOP_CURRENCY: str({ default: 'EUR' }),
      DEMO_ORDER_HISTORY: num({ default: DEMO_ORDER_HISTORY }),
      SUBGRAPH_LAYOUT: str({ choices: ['together', 'apart'], default: 'together' }),
    },
    // An empty DATABASE_URL (as compose files often leave it) means "not set".
    { ...env, DATABASE_URL: env.DATABASE_URL || undefined },
  );
  if (!isCurrencyCode(raw.SHOP_CURRENCY)) {
    throw new ConfigError(`Invalid configuration:\n  SHOP_CURRENCY: "${raw.SHOP_CURRENCY}" is not a supported ISO 4217 code`);
  }
  if (!Number.isInteger(raw.DEMO_ORDER_HISTORY) || raw.DEMO_ORDER_HISTORY < 0 || raw.DEMO_ORDER_HISTORY > 100_000) {
    throw new ConfigError(
      `Invalid configuration:\n  DEMO_ORDER_HISTORY: "${raw.DEMO_ORDER_HISTORY}" is not a whole number from 0 to 100000`,
    );
  }
  return {
    databaseUrl: raw.DATABASE_URL,
    /** Orders of history a fresh demo shop starts with. */
    demoOrderHistory: raw.DEMO_ORDER_HISTORY,
    dataDir: resolve(raw.DATA_DIR),
    embeddedPostgresPort: raw.EMBEDDED_POSTGRES_PORT,
    currency: raw.SHOP_CURRENCY,
    subgraphLayout: raw.SUBGRAPH_LAYOUT as SubgraphLayout,
  };
}
