import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { InvalidTokenError, TokenVerifier, type ExternalTokenSettings } from '#platform/auth';
import { createErrorFormatter, healthRouter, httpService, type HttpService, type Logger } from '#platform/runtime';
import { createGateway } from './gateway';
import { kioskRouter } from './kiosk/kiosk-router';
import { apolloExecutor } from './live/gateway-executor';
import { startLiveServer, type LiveServer, type LiveServerOptions } from './live/live-server';
import { staticSupergraph, type Supergraph, type SupergraphSource } from './supergraph';
import { fullSchemaIntrospection } from './introspection';

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
  /** Live stock over graphql-ws on the same port and path; off without an event bus. */
  live?: Omit<LiveServerOptions, 'httpServer' | 'supergraph' | 'execute' | 'logger' | 'tokens'>;
}

export interface GatewayServer extends HttpService {
  live: LiveServer | null;
}

/**
 * The gateway's HTTP server, not yet listening: the supergraph on /graphql, `/health/live`,
 * and `/health/ready`, which is ready only while every subgraph reports ready.
 */
export async function createGatewayServer(options: GatewayServerOptions): Promise<GatewayServer> {
  const supergraph = 'current' in options.supergraph ? options.supergraph : staticSupergraph(options.supergraph);
  const { gateway, urls } = createGateway({ ...options, supergraph });
  // SERVICE tokens are for calls between subgraphs; one presented by a client is refused here.
  const tokens = new TokenVerifier({ secret: options.jwtSecret ?? null, external: options.externalTokens, allowService: false });
  const app = express();
  app.disable('x-powered-by');
  let live: LiveServer | null = null;
  const service = httpService(app, async () => {
    // Subscribers first, with a close code that tells them to reconnect and resume.
    await live?.close();
    await apollo.stop();
  });
  const apollo = new ApolloServer<{ authorization: string | null; clientAddress?: string }>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // runService owns SIGINT/SIGTERM and stops the server in order; Apollo must not race it.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(options.logger),
    plugins: [
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
  app.use(healthRouter(checks));
  app.use(kioskRouter());
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const authorization = req.get('authorization') ?? null;
        try {
          // Refuse a bad or expired token here, before any subgraph is called.
          await tokens.verify(authorization);
        } catch (error) {
          if (!(error instanceof InvalidTokenError)) throw error;
          throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        return { authorization, clientAddress: req.socket.remoteAddress ?? 'unknown' };
      },
    }),
  );
  if (options.live) {
    live = startLiveServer({
      ...options.live,
      httpServer: service.httpServer,
      supergraph,
      execute: apolloExecutor(apollo),
      tokens,
      logger: options.logger,
    });
  }
  return { ...service, live };
}
