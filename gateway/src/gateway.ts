import { ApolloGateway, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, parse } from 'graphql';
import { GATEWAY_SECRET_HEADER } from '#platform/auth';
import { currentRequestId, ErrorCode, REQUEST_ID_HEADER, type Logger, type Metrics } from '#platform/runtime';
import { CATALOG_SUBGRAPHS, type ResponseCache } from './response-cache';
import { SharedFetches, type SubgraphRequest } from './shared-fetch';
import { callSubgraph, type SubgraphAnswer } from './subgraph-call';
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

/** What a data source answers the query plan: the subgraph's parsed GraphQL response. */
type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** How a data source reaches its subgraph: the call itself, with sharing, metrics and the unreachable case around it. */
type SubgraphSend = (request: SubgraphRequest, headers: Record<string, string>) => Promise<SubgraphAnswer>;

/**
 * One subgraph, as the query plan calls it. It does what Apollo's RemoteGraphQLDataSource does
 * for us (the request as JSON over POST, the answer parsed) on plain header records instead of
 * node-fetch's Headers, Request and Response, which cost more CPU per call than the call's own
 * HTTP work; and it does not leak: when a subgraph refuses the request (HTTP 4xx/5xx), the
 * client gets the subgraph's own coded error (a bad Decimal is BAD_USER_INPUT) and never the
 * subgraph's URL, status line or response body, which go to the log.
 */
class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly url: string,
    private readonly gatewaySecret: string | null,
    private readonly send: SubgraphSend,
    private readonly logger: Logger,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const { query, variables, operationName, extensions } = request;
    if (!query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    // Headers the plan adds to a call (a trace request), then ours.
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    // Health checks and other gateway-made requests carry no client context at all.
    const { clientAddress, authorization } = options.context as GatewayContext;
    // The client's own address, never a value the client sent: subgraphs limit per caller on it.
    headers['x-forwarded-for'] = clientAddress ?? 'unknown';
    const requestId = currentRequestId();
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    // Set here, never taken from the client: a client-sent copy never reaches a subgraph.
    if (this.gatewaySecret) headers[GATEWAY_SECRET_HEADER] = this.gatewaySecret;
    // The caller's token, unchanged: each subgraph verifies it itself.
    if (authorization) headers.authorization = authorization;
    const body = JSON.stringify({ query, variables, operationName, extensions });
    // A planned fetch comes with its operation parsed (exposeDocumentNodeInFetchNode); a health check's is parsed here.
    const document = ('document' in options ? options.document : undefined) ?? parse(query);
    const answer = await this.send({ document, operationName, authorization, body }, headers);
    if (answer.status < 200 || answer.status >= 300) throw this.refusal(answer);
    const json = answer.contentType?.startsWith('application/json') || answer.contentType?.startsWith('application/graphql-response+json');
    const parsed = json ? (JSON.parse(answer.body) as unknown) : answer.body;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error(`Expected JSON response body, but received: ${answer.body}`);
    return parsed;
  }

  /** The error a subgraph's refusal of the whole request becomes. */
  private refusal(answer: SubgraphAnswer): GraphQLError {
    let first: { message?: unknown; extensions?: { code?: unknown } } | undefined;
    try {
      first = (JSON.parse(answer.body) as { errors?: (typeof first)[] }).errors?.[0];
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
    if (answer.status === 401) return new GraphQLError('Not authenticated', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
    if (answer.status === 403) return new GraphQLError('Forbidden', { extensions: { code: ErrorCode.FORBIDDEN } });
    this.logger.error(
      { subgraph: this.subgraph, url: this.url, status: answer.status, body: answer.body.slice(0, 2_000) },
      'subgraph refused a request',
    );
    return new GraphQLError('Internal error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: currentRequestId() } });
  }
}

/**
 * An Apollo Gateway over the static supergraph. Subgraph calls go through undici, whose
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
    // Each planned fetch keeps its operation parsed, so a call tells a query from a mutation (for sharing) without parsing it again.
    queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
    buildService: ({ name, url: routingUrl }) => {
      const url = options.subgraphUrls[name] ?? routingUrl;
      const call = async (headers: Record<string, string>, body: string) => {
        const end = options.metrics?.subgraphFetchSeconds.startTimer({ subgraph: name });
        try {
          const answer = await callSubgraph(url, headers, body, options.timeoutMs);
          end?.({ outcome: answer.status >= 200 && answer.status < 300 ? 'ok' : `http_${answer.status}` });
          return answer;
        } catch (error) {
          end?.({ outcome: 'unreachable' });
          throw error;
        }
      };
      const sharing = shared && shareable.has(name) ? shared : null;
      const send: SubgraphSend = async (request, headers) => {
        try {
          return await (sharing ? sharing.fetch(name, request, () => call(headers, request.body)) : call(headers, request.body));
        } catch (error) {
          options.logger.warn({ err: error, subgraph: name }, 'subgraph unreachable');
          return unavailableResponse(name, request.body);
        }
      };
      return new SubgraphDataSource(name, url, options.gatewaySecret ?? null, send, options.logger);
    },
  });
  return { gateway, urls };
}
