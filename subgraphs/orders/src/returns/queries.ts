/** Reading an order's returns and refunds (the order itself was read under its own access rules). */
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { OrderReturn } from '../entities';
import { orderRefunds, type RefundRow } from './refund-row';

export function returnsOfOrder(ctx: OrdersContext, orderId: string): Promise<OrderReturn[]> {
  return ctx.em.fork().find(OrderReturn, { orderId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/** Per request: each return's refunds (those naming it), a page of returns in one statement. */
export function refundsByReturnLoader(em: EntityManager) {
  return new DataLoader<string, RefundRow[]>(async (returnIds) => {
    const rows = await sql<RefundRow>(em, `select * from "${SCHEMA}"."refund" where plan->>'returnId' = any(?) order by created_at, id`, [
      [...returnIds],
    ]);
    return returnIds.map((id) => rows.filter((r) => r.plan.returnId === id));
  });
}

export function refundsOfOrder(ctx: OrdersContext, orderId: string): Promise<RefundRow[]> {
  return orderRefunds(ctx.em.fork(), orderId);
}
