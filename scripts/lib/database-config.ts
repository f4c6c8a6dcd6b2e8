import { port, str, url } from 'envalid';
import { loadConfig, ConfigError } from '#platform/config';
import { isCurrencyCode } from '#platform/graphql';
import { repoRoot } from './paths';
import { resolve } from 'node:path';

/** Settings of the scripts that run before the services: where the data lives. */
export function loadScriptConfig(env = process.env) {
  const raw = loadConfig(
    {
      DATABASE_URL: url({ default: undefined }),
      DATA_DIR: str({ default: resolve(repoRoot, '.data') }),
      EMBEDDED_POSTGRES_PORT: port({ default: 54329 }),
      SHOP_CURRENCY: str({ default: 'EUR' }),
    },
    // An empty DATABASE_URL (as compose files often leave it) means "not set".
    { ...env, DATABASE_URL: env.DATABASE_URL || undefined },
  );
  if (!isCurrencyCode(raw.SHOP_CURRENCY)) {
    throw new ConfigError(`Invalid configuration:\n  SHOP_CURRENCY: "${raw.SHOP_CURRENCY}" is not a supported ISO 4217 code`);
  }
  return {
    databaseUrl: raw.DATABASE_URL,
    dataDir: resolve(raw.DATA_DIR),
    embeddedPostgresPort: raw.EMBEDDED_POSTGRES_PORT,
    currency: raw.SHOP_CURRENCY,
  };
}
