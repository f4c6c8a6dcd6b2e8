import type { Server } from 'node:http';
import { execute, GraphQLError, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  levelGlobalId,
  openLowStockAlerts,
  openStockChanges,
  type LowStockItem,
  type StockChangedArgs,
  type StockItem,
  type StreamLimits,
} from '#contracts/inventory';
import { InvalidTokenError, type TokenVerifier, type Viewer } from '#platform/auth';
import { EventFeed, type EventBus } from '#platform/events';
import type { Logger } from '#platform/runtime';
import { keyOfId } from '#platform/ids';
import type { SupergraphSource } from '../supergraph';
import type { GatewayExecutor } from './gateway-executor';
import { BatchedStockSource, siblingsOf } from './batched-stock-source';
import { Hydrator } from './hydrator';
import { pickListRefusal } from './pick-list-access';
import type { PickListItem } from './pick-list-item';
import { PickListSource } from './pick-list-source';
import { PickListStream } from './pick-list-stream';
import { SharedExecution } from './shared-execution';
import { buildSubscriptionSchema, liveFieldResolver } from './subscription-schema';

/** Close code sent on shutdown: a graphql-ws client reconnects, and resumes with `since`. */
export const CLOSE_SERVICE_RESTART = 1012;

export interface LiveServerOptions {
  httpServer: Server;
  supergraph: SupergraphSource;
  bus: EventBus;
  execute: GatewayExecutor;
  logger: Logger;
  /** The gateway's token verifier; a socket opens only with a good token or none. */
  tokens: TokenVerifier;
  hydrationTimeoutMs: number;
  limits: StreamLimits;
  keepAliveMs: number;
  /** A client message larger than this closes its socket (1009, message too big), as an HTTP body over the limit is refused (413). */
  maxMessageBytes: number;
}

interface LiveContext {
  viewer: Viewer;
  authorization: string | null;
  /** Subscribers with the same scope may share hydrated data. */
  scope: string;
}

export interface LiveServer {
  hydrator: Hydrator;
  /** Subscription executions so far: one per event per document, variables and scope, however many subscribers share them. */
  executions(): number;
  feed: EventFeed;
  clients(): number;
  close(): Promise<void>;
}

/**
 * graphql-ws on the gateway's own port and path (/graphql), beside HTTP. Tokens come in
 * connectionParams; a bad one closes the socket with 4403. Subscription roots read from the
 * event bus; everything else a subscriber selects resolves through the gateway.
 */
export function startLiveServer(options: LiveServerOptions): LiveServer {
  const feed = new EventFeed(options.bus);
  const hydrator = new Hydrator(options.execute, options.hydrationTimeoutMs);
  const pickList = new PickListSource(options.execute);
  const resolvers = { feed, hydrator, execute: options.execute, pickList, limits: options.limits };
  // Rebuilt when the supergraph changes; subscriptions already running keep the schema they began with.
  let schema = buildLiveSchema(options.supergraph.current().sdl, resolvers);
  const stopWatching = options.supergraph.onChange((next) => {
    try {
      schema = buildLiveSchema(next.sdl, resolvers);
    } catch (error) {
      options.logger.error({ err: error }, 'the new supergraph does not support live stock; keeping the previous subscription schema');
    }
  });

  // Subscribers in one scope are answered the same: each event executes once per document and scope.
  const shared = new SharedExecution<LiveContext>(liveFieldResolver, (ctx) => ctx.scope);
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: options.maxMessageBytes });
  const disposable = useServer<Record<string, unknown>, { viewer: Viewer; authorization: string | null }>(
    {
      schema: () => schema,
      execute: (args) => execute({ ...args, fieldResolver: liveFieldResolver }),
      subscribe: (args) => shared.subscribe(args),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization = (params.authorization ?? params.Authorization ?? null) as string | null;
        try {
          const viewer = await options.tokens.verify(authorization);
          ctx.extra.viewer = viewer;
          ctx.extra.authorization = authorization;
          closeWhenExpired(ctx.extra.socket, viewer.expiresAt ?? null);
          return true;
        } catch (error) {
          if (error instanceof InvalidTokenError) return false; // graphql-ws closes with 4403 Forbidden
          throw error;
        }
      },
      // Parsed and validated once per distinct document; graphql-ws adds the context.
      onSubscribe: (_ctx, _id, payload) => shared.prepare(schema, payload),
      context: (ctx): LiveContext => {
        const viewer = ctx.extra.viewer as Viewer;
        return {
          viewer,
          authorization: ctx.extra.authorization as string | null,
          scope: `${viewer.role}:${viewer.subject ?? ''}:${viewer.locationId ?? ''}`,
        };
      },
    },
    wss,
    options.keepAliveMs,
  );

  return {
    hydrator,
    feed,
    executions: () => shared.executed,
    clients: () => wss.clients.size,
    close: async () => {
      for (const socket of wss.clients) socket.close(CLOSE_SERVICE_RESTART, 'Server restarting: reconnect and resume with since');
      stopWatching();
      await disposable.dispose();
      feed.close();
    },
  };
}

/** A socket lives no longer than the token it was opened with: 4403 when it expires. */
function closeWhenExpired(socket: WebSocket, expiresAt: Date | null): void {
  if (!expiresAt) return;
  const delay = Math.min(expiresAt.getTime() - Date.now(), 2 ** 31 - 1);
  const timer = setTimeout(() => socket.close(4403, 'Token expired: reconnect with a fresh token'), Math.max(0, delay));
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

interface LiveDeps {
  feed: EventFeed;
  hydrator: Hydrator;
  execute: GatewayExecutor;
  pickList: PickListSource;
  limits: StreamLimits;
}

/** The subscription schema of a supergraph, with the live roots and hydrated fields wired in. */
function buildLiveSchema(supergraphSdl: string, deps: LiveDeps): GraphQLSchema {
  const schema = buildSubscriptionSchema(supergraphSdl);
  const subscriptionFields = (schema.getSubscriptionType() as GraphQLObjectType).getFields();
  Object.assign(subscriptionFields.stockChanged, {
    subscribe: (_root: unknown, args: StockChangedArgs, ctx: LiveContext) =>
      openStockChanges(
        deps.feed,
        new BatchedStockSource((query, variables) => deps.execute(query, variables, ctx.authorization)),
        ctx.viewer,
        args,
        deps.limits,
      ),
    resolve: (item: StockItem) => item,
  });
  Object.assign(subscriptionFields.lowStockAlert, {
    subscribe: (_root: unknown, args: { locationIds?: string[] | null }, ctx: LiveContext) =>
      openLowStockAlerts(deps.feed, ctx.viewer, args, deps.limits),
    resolve: (item: LowStockItem) => item,
  });
  Object.assign(subscriptionFields.fulfillmentOrdersChanged, {
    subscribe: async (_root: unknown, args: { locationId: string; since?: string | null }, ctx: LiveContext) => {
      const locationId = keyOfId(args.locationId, 'Location');
      const refusal = pickListRefusal(ctx.viewer, locationId);
      if (refusal) throw refusal;
      const since = args.since == null ? null : new Date(args.since);
      if (since && Number.isNaN(since.getTime())) {
        throw new GraphQLError(`"since" must be a date-time, got "${args.since}"`, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const stream: PickListStream = new PickListStream(deps.pickList, locationId, ctx.authorization, deps.limits, () => remove());
      const remove = deps.feed.add(stream);
      try {
        await stream.begin(since);
      } catch (error) {
        await stream.return();
        throw error;
      }
      return stream;
    },
    resolve: (item: PickListItem) => item,
  });
  (schema.getType('FulfillmentOrderChange') as GraphQLObjectType).getFields().fulfillmentOrder.resolve = (
    item: PickListItem,
    _args,
    ctx: LiveContext,
    info,
  ) => deps.hydrator.hydrate('fulfillmentOrder', item.fulfillmentOrderId, item.eventKey, info, ctx.authorization, ctx.scope);
  for (const typeName of ['StockChange', 'LowStockAlert']) {
    const fields = (schema.getType(typeName) as GraphQLObjectType).getFields();
    // A snapshot's items are hydrated together, 25 to an operation, when the first of them is resolved.
    fields.location.resolve = (item: StockItem, _args, ctx: LiveContext, info) =>
      deps.hydrator.hydrate(
        'location',
        item.locationId,
        item.eventKey,
        info,
        ctx.authorization,
        ctx.scope,
        siblingsOf(item, (i) => i.locationId),
      );
    fields.variant.resolve = (item: StockItem, _args, ctx: LiveContext, info) =>
      deps.hydrator.hydrate(
        'variant',
        item.sku,
        item.eventKey,
        info,
        ctx.authorization,
        ctx.scope,
        siblingsOf(item, (i) => i.sku),
      );
    fields.levelId.resolve = (item: StockItem) => levelGlobalId(item);
    fields.level.resolve = (item: StockItem, _args, ctx: LiveContext, info) =>
      deps.hydrator.hydrate(
        'level',
        levelGlobalId(item),
        item.eventKey,
        info,
        ctx.authorization,
        ctx.scope,
        siblingsOf(item, levelGlobalId),
      );
  }

  return schema;
}
