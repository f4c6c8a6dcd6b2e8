import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { GraphQLError } from 'graphql';
import { requireGatewaySecret } from '../auth/gateway-secret';
import { ServiceCredentials } from '../auth/service-credentials';
import { InvalidTokenError, TokenVerifier, type ExternalTokenSettings } from '../auth/token';
import type { RequestContext } from '../context/request-context';
import type { Orm } from '../db/database';
import { createErrorFormatter } from '../graphql/errors';
import type { Logger } from '../logging/logger';
import { healthRouter } from './health';
import { httpService, type HttpService } from './http-server';

export interface SubgraphServerOptions<C extends RequestContext> {
  name: string;
  schema: GraphQLSchema;
  orm: Orm;
  logger: Logger;
  /** Adds the subgraph's own per-request parts (DataLoaders…) to the base context. */
  extendContext: (base: RequestContext) => C;
  /** Verifies the platform's own bearer tokens (HS256) and signs service tokens. */
  jwtSecret?: Uint8Array | null;
  /** Also accepts tokens of an external identity provider (RS256/ES256 via its JWKS). */
  externalTokens?: ExternalTokenSettings | null;
  /** When set, GraphQL requests must carry it (from the gateway); health checks need not. */
  gatewaySecret?: string | null;
}

export interface SubgraphServer extends HttpService {
  apollo: ApolloServer<RequestContext>;
  orm: Orm;
  /** What this subgraph sends when it calls another one. */
  credentials: ServiceCredentials;
}

/**
 * Builds a subgraph's HTTP server without listening: GraphQL on POST /graphql and the health
 * endpoints. Each request gets its own EntityManager fork and DataLoaders; the ORM stays open
 * until `close()`, which drains requests in flight first.
 */
export async function createSubgraphServer<C extends RequestContext>(options: SubgraphServerOptions<C>): Promise<SubgraphServer> {
  const { orm, logger } = options;
  const tokens = new TokenVerifier({ secret: options.jwtSecret ?? null, external: options.externalTokens });
  const credentials = new ServiceCredentials(options.name, options.jwtSecret ?? null, options.gatewaySecret ?? null);
  const app = express();
  app.disable('x-powered-by');
  const service = httpService(app, async () => {
    await apollo.stop();
    await orm.close();
  });
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    // runService owns SIGINT/SIGTERM and stops the server in order; Apollo must not race it.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: service.httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces only feed Apollo Studio; without it they are per-request overhead.
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();

  app.use(healthRouter({ database: async () => void (await orm.em.getConnection().execute('select 1')) }));
  app.use(
    '/graphql',
    requireGatewaySecret(options.gatewaySecret),
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = req.get('x-request-id') ?? randomUUID();
        const forwarded = req.get('x-forwarded-for')?.split(',')[0]?.trim();
        let viewer;
        try {
          viewer = await tokens.verify(req.get('authorization'));
        } catch (error) {
          if (!(error instanceof InvalidTokenError)) throw error;
          throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        return options.extendContext({
          viewer,
          clientAddress: forwarded || req.socket.remoteAddress || 'unknown',
          serviceHeaders: () => credentials.headers(),
          em: orm.em.fork(),
          logger: logger.child({ requestId }),
          requestId,
        });
      },
    }),
  );
  return { ...service, apollo, orm, credentials };
}
