import diagnostics from 'node:diagnostics_channel';

/** An internal call as it reaches a subgraph served by this same process: the POST /graphql it would have sent. */
export interface LocalRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string;
  /** The caller's headers that a subgraph checks: its token and the gateway secret. */
  authorization: string | undefined;
  gatewaySecret: string | undefined;
  requestId: string | undefined;
}

/** What the subgraph answered, as its HTTP status and JSON body would have said it. */
export interface LocalResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: readonly { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  };
}

export type LocalEndpoint = (request: LocalRequest) => Promise<LocalResponse>;

/**
 * Every call answered in this process without a socket is published here (with the subgraph's
 * name and the operation's), as undici publishes each request it sends on its own channels.
 */
export const localCallChannel = diagnostics.channel('commerce:internal-call:local');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const WILDCARD = new Set(['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1']);

/** The subgraphs this process serves, by the port each listens on. */
const endpoints = new Map<number, LocalEndpoint>();

/**
 * Makes the subgraph listening on `port` (on `host`) reachable in-process: a call from this
 * process to `http://127.0.0.1:<port>/graphql` then runs its operation directly, skipping the
 * socket, the HTTP parsing and the JSON both ways, through the same checks (gateway secret,
 * token), context, deadline, plugins and error masking as an HTTP request. Only a server
 * reachable on loopback takes part, so a URL that would have reached another process never
 * lands here. Answers the function that withdraws it (called first when the server closes).
 */
export function serveLocally(port: number, host: string, endpoint: LocalEndpoint): () => void {
  if (!WILDCARD.has(host)) return () => {};
  endpoints.set(port, endpoint);
  return () => {
    if (endpoints.get(port) === endpoint) endpoints.delete(port);
  };
}

/** The subgraph this process serves at `url`, if it does. */
export function localEndpoint(url: URL): LocalEndpoint | undefined {
  if (endpoints.size === 0 || url.protocol !== 'http:' || !LOOPBACK.has(url.hostname) || url.pathname !== '/graphql') return undefined;
  return endpoints.get(Number(url.port || 80));
}
