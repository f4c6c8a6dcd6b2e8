/**
 * Writes what a cancellation's money steps did into the payments' ledgers, after the provider
 * (or promotions) said the money moved: append-only, once per idempotency key.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { orderPaymentSummaries } from '../checkout/settle';
import { SCHEMA } from '../constants';
import { Order } from '../entities';
import { appendOrderEvents } from '../order-events';
import { financialStatus } from '../payments';

export interface LedgerEntry {
  paymentId: string;
  kind: 'CAPTURE' | 'VOID' | 'REFUND';
  amountMinor: number;
  key: string;
  reference: string | null;
  /** The drawer session the cash went out of, for a cash refund paid at a till. */
  posSessionId?: string | null;
}

/** The payment's SUCCEEDED sums by kind, and the idempotency key of its first event (checkout's tender key). */
export async function paymentLedger(em: EntityManager, paymentId: string) {
  const events = await sql<{ kind: string; amount_minor: string; status: string; idempotency_key: string }>(
    em,
    `select kind, amount_minor, status, idempotency_key from "${SCHEMA}"."payment_event" where payment_id = ? order by id`,
    [paymentId],
  );
  const sum = (kind: string) =>
    events.filter((e) => e.kind === kind && e.status === 'SUCCEEDED').reduce((total, e) => total + Number(e.amount_minor), 0);
  return { captured: sum('CAPTURE'), voided: sum('VOID'), refunded: sum('REFUND'), tenderKey: events[0]?.idempotency_key ?? null };
}

/**
 * Appends the entry in one transaction under the order's lock; a capture that makes the order
 * paid in full writes order.paid as checkout's would have.
 */
export async function recordPaymentEvent(em: EntityManager, orderId: string, entry: LedgerEntry): Promise<void> {
  await em.fork().transactional(async (tx) => {
    const order = await tx.findOneOrFail(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const inserted = await sql(
      tx,
      `insert into "${SCHEMA}"."payment_event" (payment_id, kind, amount_minor, status, idempotency_key, provider_reference, pos_session_id, created_at)
       values (?, ?, ?, 'SUCCEEDED', ?, ?, ?, now()) on conflict (idempotency_key) do nothing returning id`,
      [entry.paymentId, entry.kind, entry.amountMinor, entry.key, entry.reference, entry.posSessionId ?? null],
    );
    if (inserted.length === 0 || entry.kind !== 'CAPTURE') return;
    if (financialStatus(await orderPaymentSummaries(tx, order.id), order.totalMinor) === 'PAID') {
      await appendOrderEvents(tx, order, [{ type: 'order.paid', data: { paidMinor: order.totalMinor } }]);
    }
  });
}
