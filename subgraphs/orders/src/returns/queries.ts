/** Reading an order's returns and refunds (the order itself was read under its own access rules). */
import type { OrdersContext } from '../context';
import { OrderReturn } from '../entities';
import { orderRefunds, type RefundRow } from './refund-row';

export function returnsOfOrder(ctx: OrdersContext, orderId: string): Promise<OrderReturn[]> {
  return ctx.em.fork().find(OrderReturn, { orderId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export function refundsOfOrder(ctx: OrdersContext, orderId: string): Promise<RefundRow[]> {
  return orderRefunds(ctx.em.fork(), orderId);
}
