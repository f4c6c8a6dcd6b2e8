/**
 * The last local step of an exchange's settlement, and its undo, each in the caller's transaction
 * under the order's lock: used by returnExchangeSettle and by the sweeper that finishes what a
 * process left SETTLING when it died (exchange-recovery.ts). Both are safe to run twice.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { orderedPayments } from '../cancellation/accept';
import { SCHEMA } from '../constants';
import { plannedRefunds } from '../cancellation/cancellation-row';
import { OrderLine, type ReturnExchangeData } from '../entities';
import { appendOrderEvents } from '../order-events';
import type { PaymentMethod } from '../payments';
import { splitAcrossTenders } from './refund-allocation';
import { insertRefund } from './refund-row';
import { lockedReturn } from './return-review';

export type Settlement = NonNullable<ReturnExchangeData['settlement']>;

/** Keys of the exchange's own rows (its checkout, its refund), apart from the caller's other mutations under the same key. */
export const checkoutKey = (returnId: string, key: string) => `return:${returnId}:exchange:${key}`;

/**
 * Whether the caller settled (or tried to settle) another return's exchange under `key`: its checkout is there under their
 * scope (the unique index's first column narrows it to the caller's own checkouts).
 */
export async function keyUsedElsewhere(em: EntityManager, scope: string, key: string, returnId: string): Promise<boolean> {
  const suffix = `:exchange:${key}`;
  const rows = await sql(
    em,
    `select 1 from "${SCHEMA}"."checkout" where caller_scope = ? and idempotency_key like 'return:%' and right(idempotency_key, ?) = ?
        and idempotency_key <> ? limit 1`,
    [scope, suffix.length, suffix, checkoutKey(returnId, key)],
  );
  return rows.length > 0;
}

/**
 * The exchange order `orderId` is placed: the returned units' refund is written (the credit kept
 * for the exchange, the excess split over the original tenders as they stand now) with its
 * refund.created event, and the exchange is SETTLED. Answers the refund to drive, if any.
 */
export async function recordExchangeRefund(
  em: EntityManager,
  returnId: string,
  orderId: string,
  leaseMs: number,
): Promise<{ refundId: string | null }> {
  const { order, ret } = await lockedReturn(em, returnId);
  const current = ret.exchange;
  if (!current?.settlement) throw new Error(`exchange ${returnId} has no settlement to finish`);
  if (current.status === 'SETTLED') return { refundId: current.refundId };
  const settlement = current.settlement;
  let refundId: string | null = null;
  if (settlement.plan) {
    const planned = await plannedRefunds(em, order.id);
    const payments = await orderedPayments(em, order.id);
    const split = splitAcrossTenders(
      settlement.plan.refundTotalMinor - settlement.appliedMinor,
      payments.map((p) => ({
        paymentId: p.id,
        method: p.method as PaymentMethod,
        capturedMinor: p.amountMinor,
        refundedMinor: Math.min(p.amountMinor, planned.get(p.id) ?? 0),
      })),
    );
    if (!split.ok) throw new Error(`exchange ${ret.id}: the order's payments cannot take back ${split.shortMinor}`);
    const plan = {
      ...settlement.plan,
      refunds: split.refunds.map((r) => ({ ...r, beforeMinor: planned.get(r.paymentId) ?? 0 })),
      exchangeMinor: settlement.appliedMinor,
    };
    refundId = randomUUID();
    await insertRefund(em, {
      id: refundId,
      scope: settlement.scope,
      key: checkoutKey(ret.id, settlement.key),
      hash: settlement.hash,
      plan,
      leaseMs,
    });
    await appendOrderEvents(em, order, [
      {
        type: 'refund.created',
        data: {
          refundId,
          lines: plan.lines.map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, quantity: l.quantity, amountMinor: l.amountMinor })),
          shippingMinor: 0,
          refundedMinor: plan.refundTotalMinor,
          refundTo: plan.refundTo,
        },
      },
    ]);
  }
  ret.exchange = { ...current, status: 'SETTLED', orderId, refundId };
  ret.updatedAt = new Date();
  await em.flush();
  return { refundId };
}

/** The settlement did not go through: its units are no longer counted refunded and the exchange awaits payment again. */
export async function releaseExchangeClaim(em: EntityManager, returnId: string, settlement: Settlement): Promise<null> {
  const { ret } = await lockedReturn(em, returnId);
  const current = ret.exchange;
  if (
    !current ||
    current.status !== 'SETTLING' ||
    current.settlement?.key !== settlement.key ||
    current.settlement.scope !== settlement.scope
  ) {
    return null;
  }
  const lines = await em.find(OrderLine, { id: { $in: settlement.units.map((u) => u.orderLineId) } });
  for (const line of lines) line.quantityRefunded -= settlement.units.find((u) => u.orderLineId === line.id)?.quantity ?? 0;
  ret.exchange = { ...current, status: 'AWAITING_PAYMENT', settlement: null };
  ret.updatedAt = new Date();
  await em.flush();
  return null;
}
