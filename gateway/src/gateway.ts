import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { GATEWAY_SECRET_HEADER } from '#platform/auth';
import { currentRequestId, ErrorCode, REQUEST_ID_HEADER, type Logger, type Metrics } from '#platform/runtime';
import { CATALOG_SUBGRAPHS, type ResponseCache } from './response-cache';
import { SharedFetches } from './shared-fetch';
import { callSubgraph } from './subgraph-call';
import type { SupergraphSource } from './supergraph';
import { unavailableResponse } from './unavailable-response';

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
  /** Times each subgraph call and counts the shared ones. */
  metrics?: Metrics;
  /** Identical subgraph queries in flight share one request (see SharedFetches); on unless false. */
  shareFetches?: boolean;
  /** The subgraphs whose queries may be shared; the catalog's (CATALOG_SUBGRAPHS) unless given. */
  sharedSubgraphs?: readonly string[];
  /** When it drops its answers, reads in flight are no longer shared: a later read must not take one from before the change. */
  responseCache?: ResponseCache | null;
}

/** Codes a subgraph's refusal of a whole request may carry on to the client (its message too); anything else is masked. */
const PASSED_ON_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.DEADLINE_EXCEEDED,
  ErrorCode.MAX_DEPTH_EXCEEDED,
  ErrorCode.MAX_ALIASES_EXCEEDED,
  ErrorCode.MAX_TOKENS_EXCEEDED,
  ErrorCode.MAX_DIRECTIVES_EXCEEDED,
  ErrorCode.MAX_COST_EXCEEDED,
]);

/**
 * A subgraph call that does not leak: when a subgraph refuses the request (HTTP 4xx/5xx), the
 * client gets the subgraph's own coded error (a bad Decimal is BAD_USER_INPUT) and never the
 * subgraph's URL, status line or response body, which go to the log.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly logger: Logger,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(options);
  }

  override async errorFromResponse(response: Response): Promise<GraphQLError> {
    const body = (await response.text().catch(() => '')) ?? '';
    let first: { message?: unknown; extensions?: { code?: unknown } } | undefined;
    try {
      first = (JSON.parse(body) as { errors?: (typeof first)[] }).errors?.[0];
    } catch {
      // not a GraphQL response
    }
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
    if (code && PASSED_ON_CODES.has(code) && typeof first?.message === 'string') {
      return new GraphQLError(first.message, { extensions: { code } });
    }
    // The gateway validated the document; a subgraph finding it invalid is a scalar literal it refuses ("abc" as a Decimal).
    if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof first?.message === 'string') {
      return new GraphQLError(first.message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
    }
    if (response.status === 401) return new GraphQLError('Not authenticated', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
    if (response.status === 403) return new GraphQLError('Forbidden', { extensions: { code: ErrorCode.FORBIDDEN } });
    this.logger.error(
      { subgraph: this.subgraph, url: response.url, status: response.status, body: body.slice(0, 2_000) },
      'subgraph refused a request',
    );
    return new GraphQLError('Internal error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: currentRequestId() } });
  }
}

/**
 * An Apollo Gateway over the static supergraph. Subgraph calls go through Node's fetch, whose
 * pooled keep-alive connections save a TCP handshake per subgraph request; each call has a
 * deadline so a hung subgraph fails its part of the plan instead of holding the request, and
 * identical catalog queries in flight at once share one call.
 */
export function createGateway(options: GatewayOptions): { gateway: ApolloGateway; urls: () => Map<string, string> } {
  const urls = () => {
    const map = new Map<string, string>();
    for (const [name, url] of options.supergraph.current().subgraphs) map.set(name, options.subgraphUrls[name] ?? url);
    return map;
  };
  const shared =
    options.shareFetches === false ? null : new SharedFetches((subgraph) => options.metrics?.subgraphFetchesShared.inc({ subgraph }));
  if (shared) options.responseCache?.onInvalidate(() => shared.detach());
  const shareable = new Set(options.sharedSubgraphs ?? CATALOG_SUBGRAPHS);
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
      new SubgraphDataSource(name, options.logger, {
        url: options.subgraphUrls[name] ?? url,
        // The client's own address, never a value the client sent: subgraphs limit per caller on it.
        willSendRequest: ({ request, context }) => {
          // Health checks and other gateway-made requests carry no client context at all.
          const { clientAddress, authorization } = context as GatewayContext;
          request.http?.headers.set('x-forwarded-for', clientAddress ?? 'unknown');
          const requestId = currentRequestId();
          if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
          // Set here, never taken from the client: a client-sent copy never reaches a subgraph.
          if (options.gatewaySecret) request.http?.headers.set(GATEWAY_SECRET_HEADER, options.gatewaySecret);
          // The caller's token, unchanged: each subgraph verifies it itself.
          if (authorization) request.http?.headers.set('authorization', authorization);
        },
        fetcher: async (input, init) => {
          const send = async () => {
            const end = options.metrics?.subgraphFetchSeconds.startTimer({ subgraph: name });
            try {
              const response = await callSubgraph(input, init, options.timeoutMs);
              end?.({ outcome: response.ok ? 'ok' : `http_${response.status}` });
              return response;
            } catch (error) {
              end?.({ outcome: 'unreachable' });
              throw error;
            }
          };
          try {
            return await (shared && shareable.has(name) ? shared.fetch(name, init, send) : send());
          } catch (error) {
            options.logger.warn({ err: error, subgraph: name }, 'subgraph unreachable');
            return unavailableResponse(name, init?.body);
          }
        },
      }),
  });
  return { gateway, urls };
}
