/**
 * The local half of a cancellation, in ONE transaction under the order's lock and with no
 * network call: the units come off the lines and fulfilment orders, the order is CANCELLED when
 * nothing is left, the cancellation row records what goes back where, and order.cancelled goes
 * to the outbox. A request under a key already used answers from that key's row, so concurrent
 * duplicates (which queue on the order's lock) make one cancellation.
 */
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IDEMPOTENCY_KEY_MISMATCH, sql } from '#platform/db';
import { SCHEMA } from '../constants';
import { Fulfillment, FulfillmentOrder, FulfillmentOrderStatus, Order, OrderLine, OrderStatus, Payment } from '../entities';
import { statusFromLines, touch } from '../fulfilment/fulfillment-orders';
import { appendOrderEvents } from '../order-events';
import { recordOrderCancelled } from '../reports';
import { isStoredValue, type PaymentMethod } from '../payments';
import { insertCancellation, plannedRefunds, readCancellation, type CancellationRow } from './cancellation-row';
import { CancelErrorCode } from './errors';
import { planCancellation } from './plan';
import type { CancelAnswer, CancelRequest } from './types';

/** What accepting gave: the answer, and the cancellation whose remote steps are to run (null for a refusal). */
export interface Accepted {
  answer: CancelAnswer;
  cancellationId: string | null;
}

const refused = (field: string[] | null, message: string, code: string): Accepted => ({
  answer: { ok: false, userErrors: [{ field, message, code }] },
  cancellationId: null,
});

/** The answer a cancellation row gives a request with `hash`: its own, or a mismatch. */
export function answerOf(row: CancellationRow, hash: string, key: string): CancelAnswer {
  if (row.request_hash !== hash) {
    return {
      ok: false,
      userErrors: [
        {
          field: ['idempotencyKey'],
          message: `Idempotency key "${key}" was already used for a different request`,
          code: IDEMPOTENCY_KEY_MISMATCH,
        },
      ],
    };
  }
  return { ok: true, orderId: row.order_id, cancellationId: row.id, refundTotalMinor: row.plan.refundTotalMinor };
}

/** Cancels in `em`, which must be in a transaction; the caller commits. */
export async function acceptIn(em: EntityManager, request: CancelRequest, hash: string, leaseMs: number): Promise<Accepted> {
  const order = await em.findOne(Order, { id: request.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const caller = request.caller;
  if (!order || (caller.kind === 'customer' && order.customerId !== caller.customerId)) {
    return refused(['orderId'], 'No order has this id', 'NOT_FOUND');
  }
  const earlier = await readCancellation(em, { scope: request.scope, key: request.idempotencyKey });
  if (earlier) return { answer: answerOf(earlier, hash, request.idempotencyKey), cancellationId: null };

  const fulfillmentOrders = await em.find(FulfillmentOrder, { orderId: order.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  if (caller.kind === 'customer') {
    const prepared =
      order.readyForPickupAt !== null ||
      fulfillmentOrders.some((fo) => fo.status === FulfillmentOrderStatus.READY_FOR_PICKUP) ||
      (await em.count(Fulfillment, { orderId: order.id })) > 0;
    if (prepared)
      return refused(['orderId'], 'The shop has started preparing this order; ask the shop to cancel it', CancelErrorCode.ALREADY_PREPARED);
  }
  if (request.refundTo === 'STORE_CREDIT' && !order.customerId) {
    return refused(['refundTo'], 'Store credit needs a customer; a guest order is refunded to its tenders', 'CUSTOMER_REQUIRED');
  }
  const lines = await em.find(OrderLine, { orderId: order.id }, { orderBy: { position: 'asc' } });
  const payments = await orderedPayments(em, order.id);
  const result = planCancellation({
    order,
    lines,
    fulfillmentOrders,
    payments: payments.map((p) => ({ id: p.id, method: p.method as PaymentMethod, amountMinor: p.amountMinor })),
    planned: await plannedRefunds(em, order.id),
    units: request.lines ?? 'ALL',
    reason: request.reason,
    refundTo: request.refundTo,
  });
  if (!result.ok) return { answer: { ok: false, userErrors: result.errors }, cancellationId: null };
  const { plan, removals, cancelled } = result;

  for (const line of lines) line.quantityCancelled += cancelled.get(line.id) ?? 0;
  const changed = new Set<FulfillmentOrder>();
  for (const { fulfillmentOrder, lineIndex, units } of removals) {
    const line = fulfillmentOrder.lines[lineIndex];
    fulfillmentOrder.lines = fulfillmentOrder.lines.map((l, i) => (i === lineIndex ? { ...line, removed: line.removed + units } : l));
    changed.add(fulfillmentOrder);
  }
  for (const fulfillmentOrder of changed) fulfillmentOrder.status = statusFromLines(fulfillmentOrder);
  if (plan.whole) {
    order.status = OrderStatus.CANCELLED;
    order.cancelledAt = new Date();
    order.cancelReason = request.reason;
    if (order.checkoutId) await takeOverCheckout(em, order.checkoutId);
  }
  const id = randomUUID();
  await insertCancellation(em, { id, scope: request.scope, key: request.idempotencyKey, hash, plan, leaseMs });
  await touch(em, order, [...changed]);
  await recordOrderCancelled(em, order, lines, cancelled, plan.whole);
  await appendOrderEvents(em, order, [
    {
      type: 'order.cancelled',
      data: { whole: plan.whole, reason: plan.reason, lines: plan.lines, refundedMinor: plan.refundTotalMinor, refundTo: plan.refundTo },
    },
  ]);
  await em.flush();
  return { answer: { ok: true, orderId: order.id, cancellationId: id, refundTotalMinor: plan.refundTotalMinor }, cancellationId: id };
}

/**
 * A checkout still settling its order (committing uses, capturing) stops here: the cancellation
 * gives back what it would have settled. Its remaining writes are refused (it is no longer
 * PLACED); a capture already in flight is found by the card step (ALREADY_CAPTURED) and refunded.
 */
async function takeOverCheckout(em: EntityManager, checkoutId: string): Promise<void> {
  await sql(
    em,
    `update "${SCHEMA}"."checkout" set state = 'COMPLETED', steps = steps || '{"cancelled":{"done":true}}'::jsonb, updated_at = now()
     where id = ? and state = 'PLACED'`,
    [checkoutId],
  );
}

/**
 * The order's payments in the order checkout took them (stored value first, the card last), less
 * stored value that was never debited (taken by an offline till, waiting for follow-up): money
 * goes back only to what took it.
 */
export async function orderedPayments(em: EntityManager, orderId: string): Promise<Payment[]> {
  const payments = await em.find(Payment, { orderId });
  const firsts = await sql<{ payment_id: string; first: string; moved: boolean }>(
    em,
    `select payment_id, min(id) as first, bool_or(status = 'SUCCEEDED') as moved
       from "${SCHEMA}"."payment_event" where payment_id = any(?) group by payment_id`,
    [payments.map((p) => p.id)],
  );
  const rank = new Map(firsts.map((f) => [f.payment_id, Number(f.first)]));
  const moved = new Set(firsts.flatMap((f) => (f.moved ? [f.payment_id] : [])));
  return (
    payments
      // Stored value is debited when it is taken: such a payment with no event that succeeded took nothing.
      .filter((p) => !isStoredValue(p.method) || moved.has(p.id))
      .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
  );
}
