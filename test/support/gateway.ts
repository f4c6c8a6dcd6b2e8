import type { ExternalTokenSettings } from '#platform/auth';
import { PostgresEventBus, type EventBus } from '#platform/events';
import { createLogger, type QueryLimits } from '#platform/runtime';
import { createGatewayServer, type GatewayServer } from '../../gateway/src/server';
import { catalogEventBus, invalidateOnCatalogEvents, ResponseCache } from '../../gateway/src/response-cache';
import { loadSupergraph } from '../../gateway/src/supergraph';
import type { PersistedQueryCache } from '../../gateway/src/persisted-queries';
import type { Throttle } from '../../gateway/src/throttle';
import { TEST_JWT_SECRET_TEXT } from './tokens';

export interface GatewayHarness {
  url: string;
  wsUrl: string;
  server: GatewayServer;
  bus: EventBus | null;
  responseCache: ResponseCache | null;
  close(): Promise<void>;
}

export interface GatewayTestOptions {
  landingPage?: boolean;
  /** Secret the gateway verifies bearer tokens with. */
  jwtSecret?: string;
  /** An external identity provider whose tokens the gateway accepts too. */
  externalTokens?: ExternalTokenSettings;
  /** The shared secret the gateway sends to subgraphs. */
  gatewaySecret?: string;
  /** NODE_ENV=production behaviour (no introspection, no suggestions). */
  production?: boolean;
  limits?: Partial<QueryLimits>;
  /** A per-client cost budget; tests have none unless they ask. */
  throttle?: Throttle;
  maxBodyBytes?: number;
  trustProxy?: boolean | number | string;
  corsOrigins?: string[];
  /** Answer anonymous catalog reads from a response cache told of changes by this database's products and inventory outboxes. */
  responseCache?: { databaseUrl: string };
  /** Automatic persisted queries in this cache (the test closes it); this gateway's memory otherwise. */
  persistedQueries?: PersistedQueryCache;
  /** The deadline of one gateway → subgraph call; the production default (10 s) otherwise. */
  timeoutMs?: number;
  /** `max-age` of GET answers to anonymous catalog reads; the gateway's default (30 s) otherwise. */
  publicMaxAgeSeconds?: number | null;
  /** Serve live stock from this database's outbox (Postgres bus), or from a bus given here. */
  live?: {
    databaseUrl?: string;
    /** The outboxes read; inventory's alone unless a test needs another (orders, for pick lists). */
    schemas?: string[];
    bus?: EventBus;
    hydrationTimeoutMs?: number;
    maxQueued?: number;
    coalesceAbove?: number;
    keepAliveMs?: number;
  };
}

/** The real gateway over the committed supergraph, in this process, on a free port. */
export async function startGateway(subgraphUrls: Record<string, string>, options: GatewayTestOptions = {}): Promise<GatewayHarness> {
  const logger = createLogger('gateway-test', 'silent');
  const live = options.live;
  const bus = live
    ? (live.bus ??
      new PostgresEventBus({ databaseUrl: live.databaseUrl as string, schemas: live.schemas ?? ['inventory'], logger, pollMs: 200 }))
    : null;
  await bus?.start();
  const cacheUrl = options.responseCache?.databaseUrl;
  const catalogEvents = cacheUrl
    ? catalogEventBus({ databaseUrls: { products: cacheUrl, inventory: cacheUrl }, logger, pollMs: 200 })
    : null;
  const responseCache = catalogEvents ? new ResponseCache({ maxBytes: 10_000_000, maxAgeMs: 30_000 }) : null;
  if (catalogEvents && responseCache) {
    invalidateOnCatalogEvents(catalogEvents, responseCache);
    await catalogEvents.start();
  }
  const server = await createGatewayServer({
    supergraph: await loadSupergraph(),
    subgraphUrls,
    timeoutMs: options.timeoutMs ?? 10_000,
    logger,
    landingPage: options.landingPage ?? false,
    jwtSecret: new TextEncoder().encode(options.jwtSecret ?? TEST_JWT_SECRET_TEXT),
    externalTokens: options.externalTokens ?? null,
    gatewaySecret: options.gatewaySecret ?? null,
    production: options.production,
    limits: options.limits,
    throttle: options.throttle,
    maxBodyBytes: options.maxBodyBytes,
    trustProxy: options.trustProxy,
    corsOrigins: options.corsOrigins,
    responseCache,
    persistedQueries: options.persistedQueries,
    publicMaxAgeSeconds: options.publicMaxAgeSeconds,
    live: bus
      ? {
          bus,
          hydrationTimeoutMs: live?.hydrationTimeoutMs ?? 10_000,
          limits: { coalesceAbove: live?.coalesceAbove ?? 256, maxQueued: live?.maxQueued ?? 10_000 },
          keepAliveMs: live?.keepAliveMs ?? 12_000,
        }
      : undefined,
  });
  const base = await server.listen(0);
  return {
    url: `${base}/graphql`,
    wsUrl: `${base.replace('http', 'ws')}/graphql`,
    server,
    bus,
    responseCache,
    close: async () => {
      await server.close();
      await bus?.stop();
      await catalogEvents?.stop();
    },
  };
}
