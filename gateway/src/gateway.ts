import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { GATEWAY_SECRET_HEADER } from '#platform/auth';
import type { Logger } from '#platform/runtime';
import type { SupergraphSource } from './supergraph';

/** What each request carries to the subgraph calls: the caller's token and address. */
export interface GatewayContext {
  clientAddress?: string;
  authorization?: string | null;
}

export interface GatewayOptions {
  supergraph: SupergraphSource;
  /** Sent to every subgraph, which answers nothing without it. */
  gatewaySecret?: string | null;
  /** Subgraph name → URL, overriding the supergraph's routing URLs. */
  subgraphUrls: Record<string, string>;
  timeoutMs: number;
  logger: Logger;
}

/**
 * An Apollo Gateway over the static supergraph. Subgraph calls go through Node's fetch, whose
 * pooled keep-alive connections save a TCP handshake per subgraph request; each call has a
 * deadline so a hung subgraph fails its part of the plan instead of holding the request.
 */
export function createGateway(options: GatewayOptions): { gateway: ApolloGateway; urls: () => Map<string, string> } {
  const urls = () => {
    const map = new Map<string, string>();
    for (const [name, url] of options.supergraph.current().subgraphs) map.set(name, options.subgraphUrls[name] ?? url);
    return map;
  };
  const gateway = new ApolloGateway({
    // A hook rather than a string, so a new supergraph file is picked up without a restart.
    supergraphSdl: async ({ update }) => {
      const stop = options.supergraph.onChange((next) => {
        options.logger.info('supergraph changed; switching');
        update(next.sdl);
      });
      return { supergraphSdl: options.supergraph.current().sdl, cleanup: async () => void stop() };
    },
    logger: options.logger,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: options.subgraphUrls[name] ?? url,
        // The client's own address, never a value the client sent: subgraphs limit per caller on it.
        willSendRequest: ({ request, context }) => {
          // Health checks and other gateway-made requests carry no client context at all.
          const { clientAddress, authorization } = context as GatewayContext;
          request.http?.headers.set('x-forwarded-for', clientAddress ?? 'unknown');
          // Set here, never taken from the client: a client-sent copy never reaches a subgraph.
          if (options.gatewaySecret) request.http?.headers.set(GATEWAY_SECRET_HEADER, options.gatewaySecret);
          // The caller's token, unchanged: each subgraph verifies it itself.
          if (authorization) request.http?.headers.set('authorization', authorization);
        },
        fetcher: async (input, init) => {
          try {
            return await fetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
          } catch (error) {
            options.logger.warn({ err: error, subgraph: name }, 'subgraph unreachable');
            throw new GraphQLError(`The ${name} service is unavailable; try again shortly`, {
              extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: name },
            });
          }
        },
      }),
  });
  return { gateway, urls };
}
