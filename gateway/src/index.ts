// First: tracing hooks http, express, graphql and pg as they load (off without OTEL_EXPORTER_OTLP_ENDPOINT).
import '#platform/tracing';
import { createLogger, runService } from '#platform/runtime';
import { loadGatewayConfig } from './config';
import { createEventBus } from './live/event-bus-factory';
import { createPersistedQueryCache } from './persisted-queries';
import { catalogEventBus, invalidateOnCatalogEvents, ResponseCache } from './response-cache';
import { createGatewayServer } from './server';
import { defaultSupergraphPath, watchSupergraph } from './supergraph';
import { PostgresBucketStore, RedisBucketStore, Throttle } from './throttle';

/** The gateway process: the only gateway file that reads the environment and listens. */
runService('gateway', async () => {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.logLevel);
  const supergraph = await watchSupergraph(config.supergraphPath ?? defaultSupergraphPath(), (error) =>
    logger.error({ err: error }, 'the new supergraph file is invalid; still serving the previous one'),
  );
  const bus = createEventBus(config, logger);
  await bus?.start();
  // The response cache only with a bus that tells it of every catalog change; never one that could stay stale.
  const catalogEvents = config.responseCache
    ? catalogEventBus({ databaseUrls: config.responseCache.databaseUrls, logger, pollMs: config.eventPollMs })
    : null;
  const responseCache = catalogEvents && config.responseCache ? new ResponseCache(config.responseCache) : null;
  if (catalogEvents && responseCache) {
    invalidateOnCatalogEvents(catalogEvents, responseCache);
    await catalogEvents.start();
  }
  let throttle: Throttle | null = null;
  if (config.rateLimit) {
    // Shared by every replica: Redis when there is one, else PostgreSQL.
    const url = config.redisUrl ?? config.rateLimitDatabaseUrl;
    if (!url)
      throw new Error('Invalid configuration:\n  RATE_LIMIT: the cost budget needs DATABASE_URL or REDIS_URL (or RATE_LIMIT=false)');
    throttle = new Throttle(config.redisUrl ? new RedisBucketStore(config.redisUrl) : new PostgresBucketStore(url), config.rateLimit);
  }
  const persistedQueries = createPersistedQueryCache(config.persistedQueries, logger);
  const server = await createGatewayServer({
    supergraph,
    subgraphUrls: config.subgraphUrls,
    timeoutMs: config.subgraphTimeoutMs,
    logger,
    landingPage: config.nodeEnv === 'development',
    jwtSecret: config.jwtSecret,
    externalTokens: config.externalTokens,
    gatewaySecret: config.gatewaySecret,
    production: config.nodeEnv === 'production',
    limits: config.limits,
    maxBodyBytes: config.maxBodyBytes,
    throttle,
    trustProxy: config.trustProxy,
    metricsToken: config.metricsToken,
    corsOrigins: config.corsOrigins,
    responseCache,
    persistedQueries,
    publicMaxAgeSeconds: config.publicMaxAgeSeconds,
    live: bus
      ? {
          bus,
          hydrationTimeoutMs: config.hydrationTimeoutMs,
          limits: { coalesceAbove: 256, maxQueued: config.subscriberQueueLimit },
          keepAliveMs: config.wsKeepAliveMs,
        }
      : undefined,
  });
  const url = await server.listen(config.port, config.host);
  logger.info(
    {
      url: `${url}/graphql`,
      live: bus ? config.eventBus : 'off',
      responseCache: responseCache ? 'on' : 'off',
      persistedQueries: persistedQueries.store.kind,
    },
    'gateway ready',
  );
  return {
    logger,
    close: async () => {
      supergraph.close();
      await server.close();
      await bus?.stop();
      await catalogEvents?.stop();
      await throttle?.close();
      await persistedQueries.close();
    },
  };
});
