import type { IncomingMessage, Server } from 'node:http';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { GATEWAY_SECRET_HEADER, secretMatches } from '../auth/gateway-secret';
import { InvalidTokenError, type TokenVerifier } from '../auth/token';
import type { Viewer } from '../auth/viewer';
import { mapStream } from '../events/map-stream';
import type { Logger } from '../runtime/logger';
import type { RequestContext } from './request-context';

/** Close code sent on shutdown: a graphql-ws client (or gateway) reconnects, and resumes with `since`. */
export const CLOSE_SERVICE_RESTART = 1012;

export interface SubscriptionServerOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  tokens: TokenVerifier;
  /** When set, a socket opens only with it (in connectionParams or the upgrade request's headers). */
  gatewaySecret?: string | null;
  /** The context a subscription starts in; each event then runs on a fresh one (`rebind` on a new fork). */
  makeContext(caller: { viewer: Viewer; clientAddress: string }): RequestContext;
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  /** A client message larger than this closes its socket (1009, message too big), as an HTTP body over the limit is refused. */
  maxMessageBytes: number;
  production: boolean;
  keepAliveMs?: number;
  logger: Logger;
}

export interface SubscriptionServer {
  clients(): number;
  close(): Promise<void>;
}

interface Caller {
  viewer: Viewer;
  clientAddress: string;
}

/**
 * graphql-ws on the subgraph's own port and path (/graphql), so a gateway that forwards
 * subscriptions to subgraphs (Hive Gateway, Apollo Router) serves them with no code of ours.
 * The same rules as HTTP: the gateway secret, the caller's token (verified here), the client's
 * address; each may come in `connectionParams` (Hive Gateway) or as upgrade headers (Router).
 */
export function serveSubscriptions(options: SubscriptionServerOptions): SubscriptionServer {
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: options.maxMessageBytes });
  const rules = [...specifiedRules, ...options.validationRules, ...(options.production ? [NoSchemaIntrospectionCustomRule] : [])];
  const disposable = useServer<Record<string, unknown>, { request: IncomingMessage; caller?: Caller }>(
    {
      onConnect: async (ctx) => {
        const read = callerValues(ctx.connectionParams ?? {}, ctx.extra.request);
        // Returning false closes the socket with 4403 Forbidden.
        if (options.gatewaySecret && !secretMatches(read(GATEWAY_SECRET_HEADER), options.gatewaySecret)) return false;
        let viewer: Viewer;
        try {
          // Apollo Router passes a propagated Authorization header as `token` in connection_init.
          viewer = await options.tokens.verify(read('authorization') ?? read('token'));
        } catch (error) {
          if (error instanceof InvalidTokenError) return false;
          throw error;
        }
        const forwarded = read('x-forwarded-for')?.split(',')[0]?.trim();
        ctx.extra.caller = { viewer, clientAddress: forwarded || ctx.extra.request.socket.remoteAddress || 'unknown' };
        closeWhenExpired(ctx.extra.socket, viewer.expiresAt ?? null);
        return true;
      },
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [
            new GraphQLError('This socket serves subscriptions; send queries and mutations as HTTP POST', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: options.makeContext(ctx.extra.caller as Caller),
        };
      },
      subscribe: (args) => subscribeWithFreshContexts(args),
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );
  return {
    clients: () => wss.clients.size,
    close: async () => {
      for (const socket of wss.clients) socket.close(CLOSE_SERVICE_RESTART, 'Server restarting: reconnect and resume with since');
      await disposable.dispose();
    },
  };
}

/** A value from connectionParams (any case) or else from the upgrade request's headers. */
function callerValues(params: Record<string, unknown>, request: IncomingMessage): (name: string) => string | undefined {
  const lowered = new Map(Object.entries(params).map(([key, value]) => [key.toLowerCase(), value]));
  return (name) => {
    const param = lowered.get(name);
    if (typeof param === 'string' && param !== '') return param;
    const header = request.headers[name];
    return Array.isArray(header) ? header[0] : header;
  };
}

/**
 * As graphql-js's `subscribe`, except that each event executes on a fresh context (its own
 * EntityManager fork and DataLoaders), as each HTTP request does: a long subscription never
 * answers from what an earlier event loaded.
 */
async function subscribeWithFreshContexts(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const base = args.contextValue as RequestContext;
  return mapStream(stream, (event: unknown) => execute({ ...args, rootValue: event, contextValue: base.rebind(base.em.fork(), false) }));
}

/** A socket lives no longer than the token it was opened with: 4403 when it expires. */
function closeWhenExpired(socket: WebSocket, expiresAt: Date | null): void {
  if (!expiresAt) return;
  const delay = Math.min(expiresAt.getTime() - Date.now(), 2 ** 31 - 1);
  const timer = setTimeout(() => socket.close(4403, 'Token expired: reconnect with a fresh token'), Math.max(0, delay));
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
