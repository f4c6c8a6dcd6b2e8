import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { EntityManager } from '@mikro-orm/postgresql';
import express from 'express';
import { Counter } from 'prom-client';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { gatewaySecretCheck, NOT_THROUGH_GATEWAY, requireGatewaySecret } from '../auth/gateway-secret';
import { InvalidTokenError, TokenVerifier, type ExternalTokenSettings } from '../auth/token';
import type { Viewer } from '../auth/viewer';
import type { Orm } from '../db/database';
import { serveLocally, type LocalRequest, type LocalResponse } from '../internal/local-endpoints';
import { Deadline } from '../runtime/deadline';
import { createErrorFormatter } from '../runtime/errors';
import { healthRouter } from '../runtime/health';
import { BODY_TOO_LARGE, graphqlBody, jsonErrorHandler, jsonNotFound } from '../runtime/http-errors';
import { httpService, type HttpService } from '../runtime/http-server';
import type { Logger } from '../runtime/logger';
import { costLimitPlugin, queryLimitSettings, SUBGRAPH_QUERY_LIMITS, type QueryLimits } from '../runtime/query-limits';
import { currentRequestId, requestIdMiddleware, runWithRequestId } from '../runtime/request-id';
import { Metrics } from '../runtime/metrics';
import type { RequestContext } from './request-context';
import { serveSubscriptions, type SubscriptionServer } from './subscription-server';

export interface SubgraphServerOptions<C extends RequestContext> {
  name: string;
  schema: GraphQLSchema;
  orm: Orm;
  logger: Logger;
  /** Adds the subgraph's own per-request parts (settings, DataLoaders…) to the base context. */
  extendContext: (base: RequestContext) => C;
  /** Verifies the platform's own bearer tokens (HS256). */
  jwtSecret?: Uint8Array | null;
  /** Also accepts tokens of an external identity provider (RS256/ES256 via its JWKS). */
  externalTokens?: ExternalTokenSettings | null;
  /** When set, GraphQL requests must carry it (from the gateway); health checks need not. */
  gatewaySecret?: string | null;
  /** Every request must be answered within this; shorter than the gateway's deadline. */
  requestTimeoutMs: number;
  /** NODE_ENV=production: no introspection, no field suggestions. */
  production?: boolean;
  /** This subgraph's own depth, alias, token, directive, cost and list limits (looser than the gateway's). */
  limits?: Partial<QueryLimits>;
  /** `/metrics` needs `Authorization: Bearer <token>` when set; null in production: no `/metrics` at all. */
  metricsToken?: string | null;
  /** Where request and pool metrics go, with what setup registered; the server makes its own when absent. */
  metrics?: Metrics;
}

export interface SubgraphServer extends HttpService {
  apollo: ApolloServer<RequestContext>;
  orm: Orm;
}

/** A request body, or a subscription message, at most: looser than the gateway's, as a query plan sends a whole page's entity representations at once. */
const SUBGRAPH_MAX_BODY_BYTES = 2_000_000;
/** The code, and over HTTP the status, of a request whose token does not verify. */
const unauthenticated = (status?: number) => ({ extensions: { code: 'UNAUTHENTICATED', ...(status ? { http: { status } } : {}) } });
/**
 * Builds a subgraph's HTTP server without listening: GraphQL on POST /graphql and the health
 * endpoints. Each request gets its own EntityManager fork, DataLoaders and deadline; the ORM
 * stays open until `close()`, which drains requests in flight first.
 */
export async function createSubgraphServer<C extends RequestContext>(options: SubgraphServerOptions<C>): Promise<SubgraphServer> {
  const { orm, logger } = options;
  const tokens = new TokenVerifier({ secret: options.jwtSecret ?? null, external: options.externalTokens });
  const app = express();
  app.disable('x-powered-by');
  // Only the gateway calls a subgraph, by POST, never conditionally: an ETag (a hash of every answer) would be wasted work.
  app.set('etag', false);
  app.use(requestIdMiddleware());
  const limits = { ...SUBGRAPH_QUERY_LIMITS, ...options.limits };
  const limitSettings = queryLimitSettings(limits, options.production ?? false);
  const metrics = options.metrics ?? new Metrics(options.name);
  const pool = () => (orm.em.getConnection().getKnex().client as { pool?: { numUsed(): number; numPendingAcquires(): number } }).pool;
  metrics.gauge('db_pool_connections_in_use', 'Database connections in use', () => pool()?.numUsed() ?? 0);
  metrics.gauge('db_pool_acquires_waiting', 'Requests waiting for a database connection', () => pool()?.numPendingAcquires() ?? 0);
  const statements = new Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent through the database pool, BEGIN and COMMIT included: each is a round trip',
    registers: [metrics.registry],
  });
  orm.em
    .getConnection()
    .getKnex()
    .on('query', () => statements.inc());
  let subscriptions: SubscriptionServer | null = null;
  const service = httpService(app, async () => {
    await subscriptions?.close();
    await apollo.stop();
  });
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    introspection: limitSettings.introspection,
    validationRules: limitSettings.validationRules,
    parseOptions: limitSettings.parseOptions,
    allowBatchedHttpRequests: false,
    // runService owns SIGINT/SIGTERM and stops the server in order; Apollo must not race it.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      metrics.plugin<RequestContext>(),
      ...(limitSettings.plugins as ApolloServerPlugin<RequestContext>[]),
      costLimitPlugin<RequestContext>(limits),
      ApolloServerPluginDrainHttpServer({ httpServer: service.httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces only feed Apollo Studio; without it they are per-request overhead.
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint, so the default plugin's per-field hook only costs time (5% of a product list).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  /** A request's context: its own EntityManager fork, DataLoaders, deadline and logger. */
  const makeContext = (caller: { viewer: Viewer; clientAddress: string }): C => {
    const requestId = currentRequestId() ?? 'unknown';
    const shared = { ...caller, logger: logger.child({ requestId }), requestId, deadline: new Deadline(options.requestTimeoutMs) };
    const make = (em: EntityManager, inTransaction: boolean): C =>
      options.extendContext({ ...shared, em, inTransaction, rebind: (next, tx) => make(next, tx) });
    return make(orm.em.fork(), false);
  };

  /** Who the Authorization header says is calling; a token that does not verify is answered UNAUTHENTICATED, over HTTP and in-process alike. */
  const viewerOf = async (authorization: string | undefined): Promise<Viewer | InvalidTokenError> => {
    try {
      return await tokens.verify(authorization);
    } catch (error) {
      if (error instanceof InvalidTokenError) return error;
      throw error;
    }
  };

  if (options.metricsToken || !options.production) app.use(metrics.router(options.metricsToken ?? null));
  app.use(healthRouter({ database: async () => void (await orm.em.getConnection().execute('select 1')) }));
  app.use(
    '/graphql',
    requireGatewaySecret(options.gatewaySecret),
    ...graphqlBody(SUBGRAPH_MAX_BODY_BYTES),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const viewer = await viewerOf(req.get('authorization'));
        if (viewer instanceof InvalidTokenError) throw new GraphQLError(viewer.message, unauthenticated(401));
        const forwarded = req.get('x-forwarded-for')?.split(',')[0]?.trim();
        return makeContext({ viewer, clientAddress: forwarded || req.socket.remoteAddress || 'unknown' });
      },
    }),
  );
  app.use(jsonNotFound());
  // A subgraph with a Subscription type serves it over graphql-ws on the same port and path.
  if (options.schema.getSubscriptionType()) {
    subscriptions = serveSubscriptions({
      httpServer: service.httpServer,
      schema: options.schema,
      tokens,
      gatewaySecret: options.gatewaySecret,
      makeContext,
      validationRules: limitSettings.validationRules,
      maxTokens: limits.maxTokens,
      maxMessageBytes: SUBGRAPH_MAX_BODY_BYTES,
      production: options.production ?? false,
      logger,
    });
  }
  app.use(jsonErrorHandler((error) => logger.error({ err: error }, 'unexpected error before GraphQL')));
  // Another subgraph in this process calls this one without a socket, through the same checks as POST /graphql.
  const gatewayCheck = gatewaySecretCheck(options.gatewaySecret);
  /** One call as POST /graphql would answer it: the gateway secret, the token, then the operation in its own request context. */
  const answerLocally = async (request: LocalRequest): Promise<LocalResponse> => {
    if (!gatewayCheck(request.gatewaySecret)) return { status: 401, body: { errors: [NOT_THROUGH_GATEWAY] } };
    if (request.bodyBytes > SUBGRAPH_MAX_BODY_BYTES) return { status: 413, body: BODY_TOO_LARGE };
    const viewer = await viewerOf(request.authorization);
    if (viewer instanceof InvalidTokenError) return { status: 401, body: { errors: [{ message: viewer.message, ...unauthenticated() }] } };
    return runWithRequestId(request.requestId, async (): Promise<LocalResponse> => {
      const response = await apollo.executeOperation(
        { query: request.query, variables: request.variables, operationName: request.operationName },
        { contextValue: makeContext({ viewer, clientAddress: '127.0.0.1' }) },
      );
      if (response.body.kind !== 'single') throw new Error('an internal call was answered incrementally');
      // Through JSON, as POST /graphql would send it: a DateTime is its ISO string (the scalar
      // serializes to a Date, which only JSON turns into one), and no object has a null prototype.
      return { status: response.http.status ?? 200, body: JSON.parse(JSON.stringify(response.body.singleResult)) as LocalResponse['body'] };
    });
  };
  /** Calls in flight without a socket, from the moment they arrive (token checks included), which closing waits for as the HTTP server drains its requests. */
  const localCalls = new Set<Promise<LocalResponse>>();
  let closing = false;
  /**
   * The endpoint other subgraphs of this process call. Once closing has begun a call is refused,
   * as a closed port refuses a connection, rather than run against a stopping server and its pool.
   */
  const executeLocal = (request: LocalRequest): Promise<LocalResponse> => {
    if (closing) return Promise.reject(new Error(`the ${options.name} subgraph is closing`));
    const answer = answerLocally(request);
    localCalls.add(answer);
    void answer.finally(() => localCalls.delete(answer)).catch(() => {});
    return answer;
  };
  let withdraw = () => {};
  let closed: Promise<void> | undefined;
  /** Withdraws the in-process endpoint, waits for its calls in flight, then drains and closes the server. */
  const closeOnce = async () => {
    closing = true;
    withdraw();
    await Promise.allSettled(localCalls);
    await service.close();
  };
  return {
    ...service,
    apollo,
    orm,
    listen: async (port, host) => {
      const url = await service.listen(port, host);
      withdraw = serveLocally(service.httpServer.address() as AddressInfo, executeLocal);
      return url;
    },
    // Once: a second close() shares the first's, as Apollo's stop() called during another never resolves.
    close: () => (closed ??= closeOnce()),
  };
}
