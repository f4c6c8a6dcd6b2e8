/**
 * One gateway of `npm run bench -- gateway`, in a process of its own so each is measured by its
 * own CPU: `node dist/scripts/bench/gateway-process.js <kind>` with PORT, SUPERGRAPH_PATH,
 * GATEWAY_SECRET, JWT_SECRET and each subgraph's `<NAME>_URL` in the environment.
 *
 * - `ours`: this project's gateway as `npm start` runs it (document limits and cost included,
 *   the response cache told of catalog changes by the outboxes in DATABASE_URL), without the
 *   per-client throttle, which twenty connections from one address would exhaust, and without
 *   live stock; `ours-uncached` the same without the response cache, so every request is
 *   planned and asks the subgraphs; `ours-unshared` without the cache and with every subgraph
 *   call on its own.
 * - `apollo`: a plain @apollo/gateway in @apollo/server's standalone server, adding only the
 *   gateway secret and the caller's token to subgraph calls.
 * - `hive`: Hive Gateway's runtime served on node:http as its CLI does, configured as the
 *   README's gateway.config.ts (the token passed on, the secret added).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GATEWAY_SECRET_HEADER } from '#platform/auth';
import { createLogger } from '#platform/runtime';
import { catalogEventBus, invalidateOnCatalogEvents, ResponseCache } from '../../gateway/src/response-cache';
import { createGatewayServer } from '../../gateway/src/server';
import { loadSupergraph } from '../../gateway/src/supergraph';

export type GatewayKind = 'ours' | 'ours-uncached' | 'ours-unshared' | 'apollo' | 'hive';

interface HiveGatewayModule {
  createGatewayRuntime: (config: Record<string, unknown>) => (req: IncomingMessage, res: ServerResponse) => void;
}

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/** Subgraph name → URL, from `<NAME>_URL`. */
function subgraphUrls(): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    const match = /^([A-Z]+)_URL$/.exec(key);
    if (match && value) urls[match[1].toLowerCase()] = value;
  }
  return urls;
}

async function serveOurs(port: number, options: { shareFetches: boolean; responseCache: boolean }): Promise<void> {
  const logger = createLogger('gateway', 'warn');
  let responseCache: ResponseCache | null = null;
  if (options.responseCache) {
    const databaseUrl = env('DATABASE_URL');
    const bus = catalogEventBus({ databaseUrls: { products: databaseUrl, inventory: databaseUrl }, logger, pollMs: 1_000 });
    responseCache = new ResponseCache({ maxBytes: 64_000_000, maxAgeMs: 30_000 });
    if (bus) {
      invalidateOnCatalogEvents(bus, responseCache);
      await bus.start();
    }
  }
  const server = await createGatewayServer({
    supergraph: await loadSupergraph(env('SUPERGRAPH_PATH')),
    subgraphUrls: subgraphUrls(),
    timeoutMs: 10_000,
    logger,
    landingPage: false,
    jwtSecret: new TextEncoder().encode(env('JWT_SECRET')),
    gatewaySecret: env('GATEWAY_SECRET'),
    shareFetches: options.shareFetches,
    responseCache,
  });
  await server.listen(port, '127.0.0.1');
}

async function serveApollo(port: number): Promise<void> {
  const urls = subgraphUrls();
  const secret = env('GATEWAY_SECRET');
  const gateway = new ApolloGateway({
    supergraphSdl: await readFile(env('SUPERGRAPH_PATH'), 'utf8'),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<{ authorization?: string }>({
        url: urls[name] ?? url,
        willSendRequest: ({ request, context }) => {
          request.http?.headers.set(GATEWAY_SECRET_HEADER, secret);
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<{ authorization?: string }>({ gateway });
  await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
}

function serveHive(port: number): Promise<void> {
  // Loaded untyped: its declarations retype the global fetch and GraphQLError for every file the type check sees.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createGatewayRuntime } = require('@graphql-hive/gateway') as HiveGatewayModule;
  const secret = env('GATEWAY_SECRET');
  const runtime = createGatewayRuntime({
    supergraph: env('SUPERGRAPH_PATH'),
    transportEntries: Object.fromEntries(Object.entries(subgraphUrls()).map(([name, location]) => [name, { location }])),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }: { request: Request }) => ({
        authorization: request.headers.get('authorization') ?? '',
        [GATEWAY_SECRET_HEADER]: secret,
      }),
    },
    logging: false,
  });
  return new Promise((resolve) => createServer(runtime).listen(port, '127.0.0.1', resolve));
}

async function main(kind: string, port: number): Promise<void> {
  if (kind === 'ours' || kind === 'ours-uncached' || kind === 'ours-unshared') {
    await serveOurs(port, { shareFetches: kind !== 'ours-unshared', responseCache: kind === 'ours' });
  } else if (kind === 'apollo') await serveApollo(port);
  else if (kind === 'hive') await serveHive(port);
  else throw new Error(`unknown gateway kind "${kind}"`);
}

process.once('SIGTERM', () => process.exit(0));
// The bench waits for this line; a failure to start ends the process, which the bench reports.
main(process.argv[2] ?? '', Number(env('PORT'))).then(
  () => console.log('ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
