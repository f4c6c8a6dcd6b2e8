import DataLoader from 'dataloader';
import { entityListLoader } from '#platform/db';
import { badUserInput } from '#platform/runtime';
import { keysetAfter, pageRequest, readOrder, rowsAfter, toConnection, type ConnectionShape } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { Order, OrderEvent, OrderLine, Payment, PaymentEventRecord } from '../entities';
import {
  financialStatus,
  summarizePayment,
  type PaymentEvent,
  type PaymentEventKind,
  type PaymentEventStatus,
  type PaymentSummary,
} from '../payments';
import type { OrdersArgs } from '../types/order.types';

/** The order's parts, batched per request (lines, payments, their events, the order's events). */
const loadersOf = new WeakMap<object, ReturnType<typeof createLoaders>>();

function createLoaders(ctx: OrdersContext) {
  const events = entityListLoader(ctx.em, PaymentEventRecord, 'paymentId', { id: 'asc' });
  return {
    lines: entityListLoader(ctx.em, OrderLine, 'orderId', { position: 'asc' }),
    payments: entityListLoader(ctx.em, Payment, 'orderId', { createdAt: 'asc' }),
    paymentEvents: events,
    orderEvents: entityListLoader(ctx.em, OrderEvent, 'orderId', { sequence: 'asc' }),
    summaries: new DataLoader<string, PaymentSummary[]>(async (orderIds) =>
      Promise.all(orderIds.map(async (orderId) => summariesOf(ctx, orderId))),
    ),
  };
}

export function orderLoaders(ctx: OrdersContext) {
  let loaders = loadersOf.get(ctx.loaders);
  if (!loaders) loadersOf.set(ctx.loaders, (loaders = createLoaders(ctx)));
  return loaders;
}

export const asLedger = (events: PaymentEventRecord[]): PaymentEvent[] =>
  events.map((e) => ({ kind: e.kind as PaymentEventKind, amountMinor: e.amountMinor, status: e.status as PaymentEventStatus }));

async function summariesOf(ctx: OrdersContext, orderId: string): Promise<PaymentSummary[]> {
  const loaders = orderLoaders(ctx);
  const payments = await loaders.payments.load(orderId);
  return Promise.all(payments.map(async (payment) => summarizePayment(asLedger(await loaders.paymentEvents.load(payment.id)))));
}

export async function orderFinancialStatus(ctx: OrdersContext, order: Order) {
  return financialStatus(await orderLoaders(ctx).summaries.load(order.id), order.totalMinor);
}

/** Staff's order list, newest first: filters, and a query by number or email. */
export async function listOrders(ctx: OrdersContext, args: OrdersArgs, customerId?: string): Promise<ConnectionShape<Order>> {
  const page = pageRequest(args, { backward: true });
  const order = readOrder(page, 'desc');
  const after = keysetAfter(page, ['date', 'uuid'] as const);
  const filter = args.filter ?? {};
  const where: Record<string, unknown> = { ...rowsAfter(after, 'createdAt', order) };
  const and: Record<string, unknown>[] = [];
  if (filter.channel) where.channel = filter.channel;
  if (filter.status) where.status = filter.status;
  if (filter.locationId) where.pickupLocationId = filter.locationId;
  const customer = customerId ?? filter.customerId;
  if (customer) where.customerId = customer;
  if (filter.from) and.push({ createdAt: { $gte: filter.from } });
  if (filter.to) and.push({ createdAt: { $lt: filter.to } });
  const query = args.query?.trim();
  if (query) {
    if (query.length > 320) throw badUserInput('"query" is at most 320 characters', 'query');
    const number = /^#?\d+$/.test(query) ? `#${query.replace(/^#/, '')}` : null;
    and.push(number ? { number } : { email: query.toLowerCase() });
  }
  if (and.length) where.$and = and;
  if (filter.financialStatus) {
    // Derived, never stored: filter a bounded window by what the ledgers say.
    const rows = await ctx.em.find(Order, where, { orderBy: { createdAt: order, id: order }, limit: Math.max(page.limit * 10, 100) });
    const kept: Order[] = [];
    for (const order of rows) {
      if ((await orderFinancialStatus(ctx, order)) === (filter.financialStatus as string)) kept.push(order);
      if (kept.length === page.limit) break;
    }
    return toConnection(kept, page, (o) => [o.createdAt.toISOString(), o.id]);
  }
  const rows = await ctx.em.find(Order, where, { orderBy: { createdAt: order, id: order }, limit: page.limit });
  return toConnection(rows, page, (o) => [o.createdAt.toISOString(), o.id]);
}
