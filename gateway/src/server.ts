import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { GraphQLError } from 'graphql';
import { Counter } from 'prom-client';
import { ANONYMOUS_VIEWER, InvalidTokenError, TokenVerifier, type ExternalTokenSettings, type Viewer } from '#platform/auth';
import {
  costLimitPlugin,
  createErrorFormatter,
  ErrorCode,
  GATEWAY_QUERY_LIMITS,
  graphqlBody,
  healthRouter,
  httpService,
  Metrics,
  jsonErrorHandler,
  jsonNotFound,
  queryLimitSettings,
  requestIdMiddleware,
  type HttpService,
  type Logger,
  type QueryLimits,
} from '#platform/runtime';
import { createGateway } from './gateway';
import { kioskRouter } from './kiosk/kiosk-router';
import { insightsRouter } from './insights/insights-router';
import { apolloExecutor } from './live/gateway-executor';
import { startLiveServer, type LiveServer, type LiveServerOptions } from './live/live-server';
import { staticSupergraph, type Supergraph, type SupergraphSource } from './supergraph';
import { fullSchemaIntrospection } from './introspection';
import { PersistedQueryCache, MemoryQueryStore } from './persisted-queries';
import {
  cacheControlPlugin,
  catalogFieldsOf,
  CatalogReads,
  NOT_CACHEABLE,
  responseCachePlugin,
  type ResponseCache,
} from './response-cache';
import type { Throttle, ThrottleDecision } from './throttle';

/** What each request carries through Apollo: the caller, its address, and what its operation costs. */
interface EdgeContext {
  authorization: string | null;
  clientAddress?: string;
  /** Absent for the gateway's own executions (live stock hydration), which are not throttled. */
  viewer?: Viewer;
  requestedQueryCost?: number;
  throttle?: ThrottleDecision;
}

/** Adds `extensions.cost` to every answer whose operation was costed, as Shopify's storefront clients expect. */
function costExtensionPlugin(): ApolloServerPlugin<EdgeContext> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, response }) => {
        if (contextValue.requestedQueryCost === undefined || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          cost: {
            requestedQueryCost: contextValue.requestedQueryCost,
            // Subgraphs do not report what they served; the requested cost is what is charged.
            actualQueryCost: null,
            throttleStatus: contextValue.throttle?.status ?? null,
          },
        };
      },
    }),
  };
}

/** Which operations are catalog reads, decided on the supergraph served now. */
function catalogReadsOf(supergraph: SupergraphSource): CatalogReads {
  let fields: { sdl: string; coordinates: ReadonlySet<string> } | null = null;
  return new CatalogReads(() => {
    const { sdl } = supergraph.current();
    if (fields?.sdl !== sdl) fields = { sdl, coordinates: catalogFieldsOf(sdl) };
    return fields.coordinates;
  });
}

/** The response cache's plugin, counting hits and misses under `/metrics`. */
function cachePlugin(cache: ResponseCache, catalogReads: CatalogReads, metrics: Metrics): ApolloServerPlugin<EdgeContext> {
  const lookups = new Counter({
    name: 'gateway_response_cache_total',
    help: 'Anonymous catalog reads answered from the response cache (hit) or not (miss), and answers stored',
    labelNames: ['outcome'],
    registers: [metrics.registry],
  });
  metrics.gauge('gateway_response_cache_entries', 'Answers held by the response cache', () => cache.size);
  return responseCachePlugin<EdgeContext>({ cache, catalogReads, count: (outcome) => lookups.inc({ outcome }) });
}

export interface GatewayServerOptions {
  /** A supergraph, or a source that announces new ones (see watchSupergraph). */
  supergraph: Supergraph | SupergraphSource;
  subgraphUrls: Record<string, string>;
  timeoutMs: number;
  logger: Logger;
  /** Serve Apollo Sandbox on GET /graphql (development only). */
  landingPage: boolean;
  /** The shared secret subgraphs require; set by `npm start` and deployments. */
  gatewaySecret?: string | null;
  /** Verifies bearer tokens before any planning; null: a request carrying a token is refused. */
  jwtSecret?: Uint8Array | null;
  /** Also accepts tokens of an external identity provider (RS256/ES256 via its JWKS). */
  externalTokens?: ExternalTokenSettings | null;
  /** NODE_ENV=production: no introspection, no field suggestions. */
  production?: boolean;
  /** Depth, alias, token, directive, cost and list limits; the gateway's defaults where not given. */
  limits?: Partial<QueryLimits>;
  /** The per-client cost budget; null or absent: no throttling. */
  throttle?: Throttle | null;
  /** The largest request body accepted (bytes). */
  maxBodyBytes?: number;
  /** Express's `trust proxy`: which proxies' x-forwarded-for is believed for the client's address (false: none). */
  trustProxy?: boolean | number | string;
  /** Browser origins allowed to call the API (CORS); empty: no cross-origin browser calls. */
  corsOrigins?: string[];
  /** Log each request as a JSON line (method, path, status, time, request id). */
  accessLog?: boolean;
  /** false: no document limits and no cost (benchmarks measure what the limits cost with it). */
  enforceLimits?: boolean;
  /** false: every subgraph call goes out on its own, even when an identical one is in flight (benchmarks compare). */
  shareFetches?: boolean;
  /** Where request, fetch and throttle metrics go; the gateway makes its own when absent. */
  metrics?: Metrics;
  /** `/metrics` needs `Authorization: Bearer <token>` when set; null in production: no `/metrics` at all. */
  metricsToken?: string | null;
  /**
   * Answers anonymous catalog reads from this cache (see responseCachePlugin); whoever gives it
   * invalidates it on every catalog change (invalidateOnCatalogEvents). Absent: no response cache.
   */
  responseCache?: ResponseCache | null;
  /**
   * Automatic persisted queries (hash → document), in a store every replica shares (see
   * createPersistedQueryCache); whoever gives it closes it. Absent: this process's memory only.
   */
  persistedQueries?: PersistedQueryCache | null;
  /**
   * How long shared caches (CDNs, browsers) may keep a GET answer of an anonymous catalog read
   * (`Cache-Control: public, max-age=…`); null: no answer is cacheable. 30 s when absent.
   */
  publicMaxAgeSeconds?: number | null;
  /** Live stock over graphql-ws on the same port and path; off without an event bus. */
  live?: Omit<LiveServerOptions, 'httpServer' | 'supergraph' | 'execute' | 'logger' | 'tokens' | 'maxMessageBytes'>;
}

export interface GatewayServer extends HttpService {
  live: LiveServer | null;
}

/**
 * The gateway's HTTP server, not yet listening: the supergraph on /graphql, `/health/live`,
 * and `/health/ready`, which stays ready while a subgraph is down and names it under `degraded`.
 */
export async function createGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const supergraph = 'current' in options.supergraph ? options.supergraph : staticSupergraph(options.supergraph);
  const metrics = options.metrics ?? new Metrics('gateway');
  const { gateway, urls } = createGateway({ ...options, supergraph, metrics });
  // Another supergraph can answer the same document otherwise.
  if (options.responseCache) supergraph.onChange(() => options.responseCache?.invalidate());
  // SERVICE tokens are for calls between subgraphs; one presented by a client is refused here.
  const tokens = new TokenVerifier({ secret: options.jwtSecret ?? null, external: options.externalTokens, allowService: false });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(requestIdMiddleware());
  // Access lines are written at info: below that level the middleware (a child logger per request) would only cost time.
  if ((options.accessLog ?? true) && options.logger.isLevelEnabled('info')) {
    app.use(pinoHttp({ logger: options.logger, genReqId: (_req, res) => String(res.getHeader('x-request-id')), quietReqLogger: true }));
  }
  app.use(cors({ origin: options.corsOrigins?.length ? options.corsOrigins : false, maxAge: 600 }));
  app.use(compression());
  const limits = { ...GATEWAY_QUERY_LIMITS, ...options.limits };
  const maxBodyBytes = options.maxBodyBytes ?? 256_000;
  const production = options.production ?? false;
  const enforce = options.enforceLimits ?? true;
  const limitSettings = enforce
    ? queryLimitSettings(limits, production)
    : { introspection: !production, validationRules: [], plugins: [], parseOptions: {}, allowBatchedHttpRequests: false };
  const throttle = options.throttle ?? null;
  const responseCache = options.responseCache ?? null;
  const catalogReads = catalogReadsOf(supergraph);
  const persistedQueries =
    options.persistedQueries ??
    new PersistedQueryCache(new MemoryQueryStore(), {
      ttlSeconds: 86_400,
      maxDocumentBytes: maxBodyBytes,
      logger: options.logger,
    });
  let live: LiveServer | null = null;
  const service = httpService(app, async () => {
    // Subscribers first, with a close code that tells them to reconnect and resume.
    await live?.close();
    await apollo.stop();
  });
  const apollo = new ApolloServer<EdgeContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    introspection: limitSettings.introspection,
    validationRules: limitSettings.validationRules,
    parseOptions: limitSettings.parseOptions,
    allowBatchedHttpRequests: false,
    // Registered by one replica, found by hash by any other; Apollo checks that the hash is the document's SHA-256.
    persistedQueries: { cache: persistedQueries, ttl: persistedQueries.ttlSeconds },
    // runService owns SIGINT/SIGTERM and stops the server in order; Apollo must not race it.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(options.logger),
    plugins: [
      metrics.plugin<EdgeContext>(),
      ...(limitSettings.plugins as ApolloServerPlugin<EdgeContext>[]),
      ...(enforce
        ? [
            costLimitPlugin<EdgeContext>(limits, async (cost, { contextValue }) => {
              const { viewer } = contextValue;
              if (!throttle || !viewer) return;
              const decision = await throttle.charge(
                { role: viewer.role, subject: viewer.subject, address: contextValue.clientAddress ?? 'unknown' },
                cost,
              );
              contextValue.throttle = decision;
              if (!decision.allowed) {
                options.logger.info({ role: viewer.role, cost, retryAfterSeconds: decision.retryAfterSeconds }, 'throttled');
                throw new GraphQLError(`Throttled: this client's cost budget is spent for now; retry in ${decision.retryAfterSeconds} s`, {
                  extensions: {
                    code: ErrorCode.THROTTLED,
                    retryAfterSeconds: decision.retryAfterSeconds,
                    http: { status: 429, headers: new HeaderMap([['retry-after', String(decision.retryAfterSeconds)]]) },
                  },
                });
              }
            }),
          ]
        : []),
      costExtensionPlugin(),
      ...(responseCache ? [cachePlugin(responseCache, catalogReads, metrics)] : []),
      // Ours decides Cache-Control; Apollo's would set no-store from cache hints the subgraphs do not send.
      ApolloServerPluginCacheControlDisabled(),
      cacheControlPlugin<EdgeContext>({
        catalogReads,
        maxAgeSeconds: options.publicMaxAgeSeconds === undefined ? 30 : options.publicMaxAgeSeconds,
      }),
      ApolloServerPluginDrainHttpServer({ httpServer: service.httpServer }),
      options.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
      fullSchemaIntrospection(supergraph),
    ],
  });
  await apollo.start();

  const checks = Object.fromEntries(
    [...urls()].map(([name, url]) => [
      name,
      async () => {
        const response = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(2_000) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      },
    ]),
  );
  // GraphQL first: nearly every request is one, and Express tries each mounted router in turn.
  app.use(
    '/graphql',
    (_req, res, next) => {
      // Answers refused before GraphQL runs (a bad token, a bad body) are never cached; the cache-control plugin decides the rest.
      res.set('cache-control', NOT_CACHEABLE);
      // Kept by Express beside cors's Origin; Apollo sets no Vary of its own. Accept picks the response's content type.
      res.vary('Authorization').vary('Accept');
      next();
    },
    ...graphqlBody(maxBodyBytes),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const authorization = req.get('authorization') ?? null;
        let viewer: Viewer = ANONYMOUS_VIEWER;
        try {
          // Refuse a bad or expired token here, before any subgraph is called.
          viewer = await tokens.verify(authorization);
        } catch (error) {
          if (!(error instanceof InvalidTokenError)) throw error;
          throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        // req.ip follows `trust proxy`: the socket's peer unless a trusted proxy says otherwise.
        return { authorization, viewer, clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' };
      },
    }),
  );
  app.use(healthRouter(checks, { degradable: true }));
  if (options.metricsToken || !production) app.use(metrics.router(options.metricsToken ?? null));
  app.use(kioskRouter());
  app.use(insightsRouter());
  app.use(jsonNotFound());
  app.use(jsonErrorHandler((error) => options.logger.error({ err: error }, 'unexpected error before GraphQL')));
  if (options.live) {
    live = startLiveServer({
      ...options.live,
      httpServer: service.httpServer,
      supergraph,
      execute: apolloExecutor(apollo),
      tokens,
      logger: options.logger,
      maxMessageBytes: maxBodyBytes,
    });
  }
  metrics.gauge('gateway_subscribers_connected', 'Live stock WebSocket clients connected', () => live?.clients() ?? 0);
  return { ...service, live };
}
