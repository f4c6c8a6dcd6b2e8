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
  /** The size of the body POST /graphql would have carried, which the callee holds to its limit. */
  bodyBytes: number;
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

/** The addresses a server may be bound to and still take part: loopback, or every address (which includes loopback). */
const SERVED = new Set(['127.0.0.1', '::1', '0.0.0.0', '::']);

/**
 * The bound addresses a connection to a URL's loopback host reaches, the most specific first. A
 * server on 0.0.0.0 takes 127.0.0.1 but not [::1], where another process may listen on the same
 * port; one on `::` takes both (Node binds it dual-stack), and the system lets nobody else bind
 * either loopback on that port meanwhile.
 */
const REACHED_BY: Readonly<Record<string, readonly string[]>> = {
  '127.0.0.1': ['127.0.0.1', '0.0.0.0', '::'],
  '[::1]': ['::1', '::'],
};

/** The subgraphs this process serves, by the address and port each is bound to. */
const endpoints = new Map<string, LocalEndpoint>();

const keyOf = (address: string, port: number) => `${address} ${port}`;

/**
 * Makes the subgraph bound to `address` and `port` (what its server's `address()` says, not
 * the host it was asked for: `localhost` binds one of the loopbacks) reachable in-process: a
 * call from this process to `http://127.0.0.1:<port>/graphql` then runs its operation directly,
 * skipping the socket, the HTTP parsing and the JSON both ways, through the same checks (gateway
 * secret, token), context, deadline, plugins and error masking as an HTTP request. Only a server
 * a URL's loopback host would reach over TCP takes part, so a URL that would have reached
 * another process never lands here. Answers the function that withdraws it (called first when
 * the server closes).
 */
export function serveLocally(bound: { address: string; port: number }, endpoint: LocalEndpoint): () => void {
  if (!SERVED.has(bound.address)) return () => {};
  const key = keyOf(bound.address, bound.port);
  endpoints.set(key, endpoint);
  return () => {
    if (endpoints.get(key) === endpoint) endpoints.delete(key);
  };
}

/** The subgraph of this process a connection to `hostname` and `port` would reach, if one would. */
function reached(hostname: string, port: number): LocalEndpoint | undefined {
  for (const address of REACHED_BY[hostname] ?? []) {
    const endpoint = endpoints.get(keyOf(address, port));
    if (endpoint) return endpoint;
  }
  return undefined;
}

/**
 * The subgraph this process serves at `url`, if it does. `localhost` may resolve to either
 * loopback, so it counts only when both reach the same subgraph of this process.
 */
export function localEndpoint(url: URL): LocalEndpoint | undefined {
  if (endpoints.size === 0 || url.protocol !== 'http:' || url.pathname !== '/graphql') return undefined;
  const port = Number(url.port || 80);
  if (url.hostname !== 'localhost') return reached(url.hostname, port);
  const endpoint = reached('127.0.0.1', port);
  return endpoint && endpoint === reached('[::1]', port) ? endpoint : undefined;
}
