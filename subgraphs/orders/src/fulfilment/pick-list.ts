/** A location's work: what leaves from it, and what is collected at it (ship to store), oldest first. */
import { canActAtLocation, requireLocationAccess } from '#platform/auth';
import { keysetAfter, pageRequest, readOrder, rowsAfter, toConnection, type ConnectionShape } from '#platform/graphql';
import { isUuid } from '#platform/db';
import type { OrdersContext } from '../context';
import { FulfillmentOrder, FulfillmentOrderStatus } from '../entities';
import type { FulfillmentOrderView, FulfillmentOrdersArgs } from '../types/fulfillment.types';
import { fulfillmentOrderViews } from './views';

const DONE = [FulfillmentOrderStatus.CLOSED, FulfillmentOrderStatus.CANCELLED];

export async function listFulfillmentOrders(
  ctx: OrdersContext,
  args: FulfillmentOrdersArgs,
): Promise<ConnectionShape<FulfillmentOrderView>> {
  requireLocationAccess(ctx.viewer, args.locationId);
  const page = pageRequest(args, { backward: true });
  if (!isUuid(args.locationId)) return toConnection([], page, () => []);
  const order = readOrder(page, 'asc');
  const after = keysetAfter(page, ['date', 'uuid'] as const);
  const rows = await ctx.em.find(
    FulfillmentOrder,
    {
      $and: [{ $or: [{ locationId: args.locationId }, { destinationLocationId: args.locationId }] }, rowsAfter(after, 'createdAt', order)],
      ...(args.status ? { status: args.status } : args.updatedSince ? {} : { status: { $nin: DONE } }),
      ...(args.updatedSince ? { updatedAt: { $gt: args.updatedSince } } : {}),
    },
    { orderBy: { createdAt: order, id: order }, limit: page.limit },
  );
  const connection = toConnection(rows, page, (row) => [row.createdAt.toISOString(), row.id]);
  const views = await fulfillmentOrderViews(
    ctx.em,
    connection.edges.map((e) => e.node),
  );
  return { ...connection, nodes: views, edges: connection.edges.map((edge, i) => ({ cursor: edge.cursor, node: views[i] })) };
}

/** One fulfilment order, for staff of a location it leaves from or is collected at (managers any); null when unknown. */
export async function findFulfillmentOrder(ctx: OrdersContext, id: string): Promise<FulfillmentOrderView | null> {
  const row = isUuid(id) ? await ctx.em.findOne(FulfillmentOrder, { id }) : null;
  if (!row) return null;
  if (
    !canActAtLocation(ctx.viewer, row.locationId) &&
    !(row.destinationLocationId && canActAtLocation(ctx.viewer, row.destinationLocationId))
  )
    return null;
  const [view] = await fulfillmentOrderViews(ctx.em, [row]);
  return view;
}
