import { isUuid } from '#platform/db';
import type { OrdersContext } from '../context';
import type { Order } from '../entities';

export function findOrder(ctx: OrdersContext, id: string): Promise<Order | null> {
  return isUuid(id) ? ctx.loaders.orderById.load(id) : Promise.resolve(null);
}
