import { bool, port, str, url } from 'envalid';
import { AUTH_SPECS, authConfig, LOG_LEVELS, loadConfig, positiveInt } from '#platform/config';

/**
 * TRUSTED_PROXIES, as Express's `trust proxy`: empty (the socket's peer is the client), a number
 * of hops, or a comma-separated list of addresses/subnets (`loopback`, `10.0.0.0/8`…).
 */
function trustProxySetting(value: string): boolean | number | string {
  if (!value.trim()) return false;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return value;
}

/** The gateway's settings; `<NAME>_URL` (PRODUCTS_URL…) overrides a subgraph's routing URL. */
export function loadGatewayConfig(env = process.env) {
  const raw = loadConfig(
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
      LOG_LEVEL: str({ choices: LOG_LEVELS, default: 'info' }),
      HOST: str({ default: '127.0.0.1' }),
      GATEWAY_PORT: port({ default: 4000 }),
      SUPERGRAPH_PATH: str({ default: '' }),
      SUBGRAPH_TIMEOUT_MS: positiveInt({ default: 10_000 }),
      EVENT_BUS: str({ choices: ['postgres', 'redis', 'none'], default: 'postgres' }),
      EVENTS_DATABASE_URL: url({ default: undefined }),
      REDIS_URL: url({ default: undefined }),
      EVENT_POLL_MS: positiveInt({ default: 1_000 }),
      ...AUTH_SPECS,
      HYDRATION_TIMEOUT_MS: positiveInt({ default: 1_500 }),
      SUBSCRIBER_QUEUE_LIMIT: positiveInt({ default: 10_000 }),
      WS_KEEPALIVE_MS: positiveInt({ default: 12_000 }),
      MAX_QUERY_DEPTH: positiveInt({ default: 10 }),
      MAX_QUERY_ALIASES: positiveInt({ default: 30 }),
      MAX_QUERY_TOKENS: positiveInt({ default: 2_000 }),
      MAX_QUERY_DIRECTIVES: positiveInt({ default: 20 }),
      MAX_QUERY_COST: positiveInt({ default: 1_000 }),
      MAX_BODY_BYTES: positiveInt({ default: 256_000 }),
      RATE_LIMIT: bool({ default: true }),
      RATE_LIMIT_MAX_POINTS: positiveInt({ default: 2_000 }),
      RATE_LIMIT_RESTORE_RATE: positiveInt({ default: 100 }),
      RATE_LIMIT_STAFF_MAX_POINTS: positiveInt({ default: 20_000 }),
      RATE_LIMIT_STAFF_RESTORE_RATE: positiveInt({ default: 1_000 }),
      RATE_LIMIT_MIN_COST: positiveInt({ default: 5 }),
      RATE_LIMIT_DATABASE_URL: url({ default: undefined }),
      TRUSTED_PROXIES: str({ default: '' }),
      METRICS_TOKEN: str({ default: '' }),
      CORS_ORIGINS: str({ default: '' }),
      RESPONSE_CACHE: bool({ default: true }),
      RESPONSE_CACHE_MB: positiveInt({ default: 64 }),
      RESPONSE_CACHE_MAX_AGE_S: positiveInt({ default: 30 }),
      PERSISTED_QUERY_TTL_S: positiveInt({ default: 86_400 }),
      PERSISTED_QUERY_DATABASE_URL: url({ default: undefined }),
    },
    {
      ...env,
      EVENTS_DATABASE_URL: env.EVENTS_DATABASE_URL || env.INVENTORY_DATABASE_URL || env.DATABASE_URL || undefined,
      RATE_LIMIT_DATABASE_URL: env.RATE_LIMIT_DATABASE_URL || env.DATABASE_URL || undefined,
      PERSISTED_QUERY_DATABASE_URL: env.PERSISTED_QUERY_DATABASE_URL || env.DATABASE_URL || undefined,
    },
  );
  if (raw.EVENT_BUS !== 'none' && !raw.EVENTS_DATABASE_URL) {
    throw new Error(
      'Invalid configuration:\n  DATABASE_URL: live stock reads the inventory outbox; set DATABASE_URL (or EVENTS_DATABASE_URL), or EVENT_BUS=none',
    );
  }
  if (raw.EVENT_BUS === 'redis' && !raw.REDIS_URL) {
    throw new Error('Invalid configuration:\n  REDIS_URL: EVENT_BUS=redis needs REDIS_URL');
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^([A-Z]+)_URL$/.exec(key);
    if (match && value && !['DATABASE_URL', 'REDIS_URL'].includes(key) && !key.endsWith('_DATABASE_URL')) {
      try {
        new URL(value);
      } catch {
        throw new Error(`Invalid configuration:\n  ${key}: "${value}" is not a URL`);
      }
      subgraphUrls[match[1].toLowerCase()] = value;
    }
  }
  return {
    nodeEnv: raw.NODE_ENV,
    logLevel: raw.LOG_LEVEL,
    host: raw.HOST,
    port: raw.GATEWAY_PORT,
    supergraphPath: raw.SUPERGRAPH_PATH || undefined,
    subgraphTimeoutMs: raw.SUBGRAPH_TIMEOUT_MS,
    subgraphUrls,
    eventBus: raw.EVENT_BUS as 'postgres' | 'redis' | 'none',
    eventsDatabaseUrl: raw.EVENTS_DATABASE_URL,
    /** The orders outbox (live pick lists): in the orders subgraph's own database when it has one. */
    ordersEventsDatabaseUrl: env.ORDERS_DATABASE_URL || env.DATABASE_URL || raw.EVENTS_DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    eventPollMs: raw.EVENT_POLL_MS,
    ...authConfig(raw, raw.NODE_ENV),
    hydrationTimeoutMs: raw.HYDRATION_TIMEOUT_MS,
    subscriberQueueLimit: raw.SUBSCRIBER_QUEUE_LIMIT,
    wsKeepAliveMs: raw.WS_KEEPALIVE_MS,
    limits: {
      maxDepth: raw.MAX_QUERY_DEPTH,
      maxAliases: raw.MAX_QUERY_ALIASES,
      maxTokens: raw.MAX_QUERY_TOKENS,
      maxDirectives: raw.MAX_QUERY_DIRECTIVES,
      maxCost: raw.MAX_QUERY_COST,
    },
    maxBodyBytes: raw.MAX_BODY_BYTES,
    rateLimit: raw.RATE_LIMIT
      ? {
          clients: { maximumAvailable: raw.RATE_LIMIT_MAX_POINTS, restoreRate: raw.RATE_LIMIT_RESTORE_RATE },
          staff: { maximumAvailable: raw.RATE_LIMIT_STAFF_MAX_POINTS, restoreRate: raw.RATE_LIMIT_STAFF_RESTORE_RATE },
          minimumCost: raw.RATE_LIMIT_MIN_COST,
        }
      : null,
    rateLimitDatabaseUrl: raw.RATE_LIMIT_DATABASE_URL,
    trustProxy: trustProxySetting(raw.TRUSTED_PROXIES),
    metricsToken: raw.METRICS_TOKEN || null,
    corsOrigins: raw.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    /** Anonymous catalog reads answered from memory until the catalog changes; off with EVENT_BUS=none, which would never say so. */
    responseCache:
      raw.RESPONSE_CACHE && raw.EVENT_BUS !== 'none'
        ? {
            maxBytes: raw.RESPONSE_CACHE_MB * 1_000_000,
            maxAgeMs: raw.RESPONSE_CACHE_MAX_AGE_S * 1_000,
            /** Where the catalog's outboxes are: products' and inventory's databases. */
            databaseUrls: {
              products: env.PRODUCTS_DATABASE_URL || env.DATABASE_URL || undefined,
              inventory: raw.EVENTS_DATABASE_URL,
            },
          }
        : null,
    /** Automatic persisted queries, shared by the replicas: in Redis when there is one, else in PostgreSQL, else in memory. */
    persistedQueries: {
      ttlSeconds: raw.PERSISTED_QUERY_TTL_S,
      maxDocumentBytes: raw.MAX_BODY_BYTES,
      redisUrl: raw.REDIS_URL,
      databaseUrl: raw.PERSISTED_QUERY_DATABASE_URL,
    },
    /** How long CDNs and browsers may keep a GET answer of an anonymous catalog read: as long as the response cache keeps one. */
    publicMaxAgeSeconds: raw.RESPONSE_CACHE_MAX_AGE_S,
  };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
