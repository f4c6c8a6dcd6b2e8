import { isUuid } from '#platform/db';
import type { OrdersContext } from '../context';
import type { Order } from '../entities';
import { canReadOrder } from './order-access';

/** An order the caller may read (services/order-access.ts), or null. */
export async function findOrder(ctx: OrdersContext, id: string): Promise<Order | null> {
  const order = isUuid(id) ? await ctx.loaders.orderById.load(id) : null;
  return order && canReadOrder(ctx.viewer, order) ? order : null;
}
