import { bool, port, str, url } from 'envalid';
import { AUTH_SPECS, authConfig } from './auth';
import { loadConfig, positiveInt } from './config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The settings every subgraph process reads. `<NAME>_PORT` and `<NAME>_DATABASE_URL` let one
 * subgraph listen elsewhere or keep its data in a database of its own.
 */
export function loadSubgraphConfig(name: string, defaultPort: number, env = process.env) {
  const prefix = name.toUpperCase();
  const raw = loadConfig(
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
      LOG_LEVEL: str({ choices: LOG_LEVELS, default: 'info' }),
      HOST: str({ default: '127.0.0.1' }),
      [`${prefix}_PORT`]: port({ default: defaultPort }),
      [`${prefix}_DATABASE_URL`]: url(),
      DATABASE_POOL_MAX: positiveInt({ default: 10 }),
      DATABASE_DEBUG: bool({ default: false }),
      REQUEST_TIMEOUT_MS: positiveInt({ default: 8_000 }),
      DATABASE_ACQUIRE_TIMEOUT_MS: positiveInt({ default: 2_000 }),
      DATABASE_STATEMENT_TIMEOUT_MS: positiveInt({ default: 5_000 }),
      METRICS_TOKEN: str({ default: '' }),
      ...AUTH_SPECS,
    } as const,
    { ...env, [`${prefix}_DATABASE_URL`]: env[`${prefix}_DATABASE_URL`] ?? env.DATABASE_URL },
  ) as Record<string, unknown>;
  return {
    nodeEnv: raw.NODE_ENV as 'development' | 'test' | 'production',
    logLevel: raw.LOG_LEVEL as string,
    host: raw.HOST as string,
    port: raw[`${prefix}_PORT`] as number,
    databaseUrl: raw[`${prefix}_DATABASE_URL`] as string,
    databasePoolMax: raw.DATABASE_POOL_MAX as number,
    databaseDebug: raw.DATABASE_DEBUG as boolean,
    requestTimeoutMs: raw.REQUEST_TIMEOUT_MS as number,
    databaseAcquireTimeoutMs: raw.DATABASE_ACQUIRE_TIMEOUT_MS as number,
    databaseStatementTimeoutMs: raw.DATABASE_STATEMENT_TIMEOUT_MS as number,
    metricsToken: (raw.METRICS_TOKEN as string) || null,
    ...authConfig(raw, raw.NODE_ENV as string),
  };
}

export type SubgraphConfig = ReturnType<typeof loadSubgraphConfig>;
