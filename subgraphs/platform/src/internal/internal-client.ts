import { request } from 'undici';
import { GATEWAY_SECRET_HEADER } from '../auth/gateway-secret';
import type { ServiceCredentials } from '../auth/service-credentials';
import type { Deadline } from '../runtime/deadline';
import type { Logger } from '../runtime/logger';
import type { InternalCommand } from './internal-command';
import { localCallChannel, localEndpoint, type LocalEndpoint, type LocalResponse } from './local-endpoints';

/** A user error as another subgraph reports it in a payload. */
export interface RemoteUserError {
  field: string[] | null;
  message: string;
  code: string;
}

/**
 * How a call to another subgraph ended. `USER_ERRORS`: the callee refused the command as
 * asked (its payload's userErrors) and changed nothing. `UNAVAILABLE`: it could not be reached
 * or did not answer in time; the command may or may not have run, so only an idempotent command
 * may be retried under the same key. A bug on either side (a document the callee rejects, an
 * internal error there) is not a result: it throws `InternalCallError`.
 */
export type InternalResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'USER_ERRORS'; userErrors: RemoteUserError[] }
  | { ok: false; reason: 'UNAVAILABLE'; message: string };

/** The callee or the caller has a bug: a rejected document, an unexpected error over there. */
export class InternalCallError extends Error {
  override readonly name = 'InternalCallError';
  constructor(
    readonly subgraph: string,
    readonly command: string,
    message: string,
  ) {
    super(`${command} on ${subgraph}: ${message}`);
  }
}

/** Who is calling: a request (its deadline and id), or a background task. */
export interface CallerContext {
  readonly inTransaction?: boolean;
  readonly deadline?: Deadline;
  readonly requestId?: string;
}

export interface InternalClientOptions {
  /** The callee's name, for errors and logs, e.g. "inventory". */
  subgraph: string;
  url: string;
  credentials: ServiceCredentials;
  logger: Logger;
  /** The longest one call may take; a request's own deadline may make it shorter. */
  timeoutMs?: number;
  /** False: always over HTTP, even to a subgraph served by this process (a bench comparing the two). */
  inProcess?: boolean;
}

const DEFAULT_TIMEOUT_MS = 5_000;

type CallBody = LocalResponse['body'];

/** One call as either transport sends it: the operation, the caller's request id and credentials, and how long to wait. */
interface OutgoingCall {
  query: string;
  operationName: string;
  variables: unknown;
  requestId: string | undefined;
  credentials: Record<string, string>;
  budget: number;
}

/**
 * Calls another subgraph's queries and internal commands with this subgraph's service
 * credentials (the gateway secret and a SERVICE token) and a deadline. It refuses to be used
 * from inside a transaction: a transaction never waits on the network (ARCHITECTURE.md, 16).
 * A subgraph served by this same process (`npm start` runs the five together) is called
 * without a socket (see `serveLocally`), with the same checks and answers as over HTTP.
 */
export class InternalClient {
  readonly subgraph: string;
  private readonly timeoutMs: number;
  /** The callee's URL, parsed on the first call; null when it is not one (every call then fails as unreachable). */
  private url: URL | null | undefined;

  constructor(private readonly options: InternalClientOptions) {
    this.subgraph = options.subgraph;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async call<V, R>(caller: CallerContext, command: InternalCommand<V, R>, variables: V): Promise<InternalResult<R>> {
    if (caller.inTransaction) {
      throw new InternalCallError(this.subgraph, command.name, 'called from inside a transaction; make remote calls before or after it');
    }
    const budget = Math.min(this.timeoutMs, caller.deadline?.remainingMs() ?? this.timeoutMs);
    if (budget <= 0) return { ok: false, reason: 'UNAVAILABLE', message: 'no time left for the call' };
    let status: number;
    let body: CallBody;
    try {
      const credentials = await this.options.credentials.headers();
      this.url ??= URL.canParse(this.options.url) ? new URL(this.options.url) : null;
      const local = this.options.inProcess === false || !this.url ? undefined : localEndpoint(this.url);
      const outgoing: OutgoingCall = {
        query: command.document,
        operationName: command.name,
        variables,
        requestId: caller.requestId,
        credentials,
        budget,
      };
      ({ status, body } = local ? await this.callLocally(local, outgoing) : await this.callOverHttp(outgoing));
    } catch (error) {
      this.options.logger.warn({ err: error, subgraph: this.subgraph, command: command.name }, 'internal call failed');
      return { ok: false, reason: 'UNAVAILABLE', message: `The ${this.subgraph} service cannot be reached` };
    }
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    if (status >= 500 && !body.data) {
      return { ok: false, reason: 'UNAVAILABLE', message: `The ${this.subgraph} service answered HTTP ${status}` };
    }
    if (codes.some((code) => code === 'DEADLINE_EXCEEDED' || code === 'SUBGRAPH_UNAVAILABLE')) {
      return { ok: false, reason: 'UNAVAILABLE', message: `The ${this.subgraph} service did not finish in time` };
    }
    if (body.errors?.length || !body.data) {
      throw new InternalCallError(
        this.subgraph,
        command.name,
        body.errors?.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') ?? `HTTP ${status}`,
      );
    }
    const value = body.data[command.field] as R;
    const userErrors = (value as { userErrors?: RemoteUserError[] } | null)?.userErrors;
    if (command.operation === 'mutation' && userErrors?.length) return { ok: false, reason: 'USER_ERRORS', userErrors };
    return { ok: true, value };
  }

  private async callOverHttp({ query, operationName, variables, requestId, credentials, budget }: OutgoingCall): Promise<LocalResponse> {
    // undici's request rather than fetch: the same pooled keep-alive connections, without the
    // WHATWG streams and objects fetch builds around each call (about 0.3 ms of CPU a call here).
    const response = await request(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(requestId ? { 'x-request-id': requestId } : {}),
        ...credentials,
      },
      body: JSON.stringify({ query, variables, operationName }),
      signal: AbortSignal.timeout(budget),
    });
    return { status: response.statusCode, body: (await response.body.json()) as CallBody };
  }

  /**
   * The same call to a subgraph in this process, without a socket: about two fifths of the CPU of
   * the HTTP round trip, both sides counted (`npm run bench -- calls`). The variables go through JSON as they would on
   * the wire, so the callee sees exactly what HTTP would have given it; past `budget` the caller
   * stops waiting, as an aborted request would, while the callee finishes on its own deadline.
   */
  private async callLocally(
    endpoint: LocalEndpoint,
    { query, operationName, variables, requestId, credentials, budget }: OutgoingCall,
  ): Promise<LocalResponse> {
    localCallChannel.publish({ subgraph: this.subgraph, operationName });
    const json = JSON.stringify(variables ?? {});
    const answer = endpoint({
      query,
      variables: JSON.parse(json) as Record<string, unknown>,
      operationName,
      authorization: credentials.authorization,
      gatewaySecret: credentials[GATEWAY_SECRET_HEADER],
      requestId,
      // What `{"query":…,"variables":…,"operationName":…}` would weigh, give or take its punctuation.
      bodyBytes: Buffer.byteLength(json) + Buffer.byteLength(query) + operationName.length + 48,
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${budget} ms`)), budget);
    });
    // A callee that fails after the caller gave up is logged there, not left unhandled here.
    answer.catch(() => {});
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
