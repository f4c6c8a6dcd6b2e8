/**
 * Step 8, after the order exists: confirm the stock hold (it no longer expires), send the
 * transfers of a ship-to-store order, commit the discount uses, capture the card.
 * Each is idempotent under its key and retried (by this process, then the sweeper) until done;
 * none of them ever undoes the order. The capture is recorded in the payment ledger, and the
 * order.paid event written, in one local transaction after the provider said the money moved.
 */
import { LockMode } from '@mikro-orm/core';
import { DiscountRedemptionCommit } from '#contracts/promotions';
import { InventoryReservationConfirm } from '#contracts/inventory';
import { createTransfers } from '../fulfilment/ship-to-store';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import { Order } from '../entities';
import { financialStatus, summarizePayment, type PaymentEvent, type PaymentEventKind, type PaymentEventStatus } from '../payments';
import { moveCheckout, recordSteps, type CheckoutRow, type StepRecord } from './checkout-row';
import { faultAfter, type CheckoutDeps } from './deps';
import { discountIds } from './steps/discounts';
import { stepKeys } from './keys';
import { appendOrderEvents } from '../order-events';

/**
 * Runs what is left of step 8; true when the checkout is COMPLETED. The stock confirmation is
 * written as soon as it is done; the other steps' results go in with the next write to the row,
 * at the latest the move to COMPLETED: a step done and not written is asked again, under its key.
 */
export async function settleCheckout(deps: CheckoutDeps, checkout: CheckoutRow): Promise<boolean> {
  const done = (step: string) => checkout.steps[step]?.done === true;
  const em = deps.em();
  let complete = true;
  const unwritten: Record<string, StepRecord> = {};
  if (!done('confirm-stock')) {
    // The order's stock stays held, no longer expiring, until it is fulfilled, moved or cancelled.
    const result = await deps.inventory.call({}, InventoryReservationConfirm, { id: stepKeys(checkout.id).stock });
    if (result.ok || (result.reason === 'USER_ERRORS' && result.userErrors.every((e) => e.code !== 'NOT_FOUND'))) {
      if (!result.ok)
        deps.logger.error({ checkout: checkout.id, errors: result.userErrors }, 'checkout: stock hold could not be confirmed');
      await recordSteps(em, checkout.id, 'PLACED', { 'confirm-stock': { done: true } }, deps.leaseMs);
      await faultAfter(deps, 'confirm-stock');
    } else complete = false;
  }
  if (!done('transfers')) {
    if (await createTransfers(deps, checkout)) unwritten.transfers = { done: true };
    else complete = false;
  }
  if (!done('commit-discounts')) {
    const ok =
      discountIds(checkout).length === 0 ||
      (await deps.promotions.call({}, DiscountRedemptionCommit, { key: stepKeys(checkout.id).discounts })).ok;
    if (ok) {
      unwritten['commit-discounts'] = { done: true };
      await faultAfter(deps, 'commit-discounts');
    } else complete = false;
  }
  if (!done('capture')) {
    if (await captureCards(deps, checkout)) {
      unwritten.capture = { done: true };
      await faultAfter(deps, 'capture');
    } else complete = false;
  }
  if (complete) return moveCheckout(em, checkout.id, 'PLACED', 'COMPLETED', { steps: unwritten });
  if (Object.keys(unwritten).length > 0) await recordSteps(em, checkout.id, 'PLACED', unwritten, deps.leaseMs);
  return false;
}

async function captureCards(deps: CheckoutDeps, checkout: CheckoutRow): Promise<boolean> {
  let all = true;
  for (const [index, tender] of checkout.plan.tenders.entries()) {
    if (tender.method !== 'TEST_CARD') continue;
    const reference = checkout.steps[`tender:${index}`]?.providerReference as string;
    const key = stepKeys(checkout.id).capture(index);
    const result = await deps.card.capture({ reference, amountMinor: tender.amountMinor, idempotencyKey: key });
    if (result.status !== 'SUCCEEDED') {
      deps.logger.warn({ checkout: checkout.id, result }, 'checkout: capture not done; retried later');
      all = false;
      continue;
    }
    await recordCapture(deps, checkout, index, tender.amountMinor, key, result.reference);
  }
  return all;
}

/**
 * Appends the capture to the payment's ledger (once: the event is unique per key) and, when the
 * order is now paid in full, its order.paid event, in one transaction under the order's lock.
 */
async function recordCapture(
  deps: CheckoutDeps,
  checkout: CheckoutRow,
  index: number,
  amountMinor: number,
  key: string,
  reference: string,
) {
  await deps.em().transactional(async (em) => {
    const order = await em.findOneOrFail(Order, { checkoutId: checkout.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // On the payment its authorization is on: one statement when it goes in.
    const inserted = await sql(
      em,
      `insert into "${SCHEMA}"."payment_event" (payment_id, kind, amount_minor, status, idempotency_key, provider_reference, created_at)
       select payment_id, 'CAPTURE', ?, 'SUCCEEDED', ?, ?, now() from "${SCHEMA}"."payment_event" where idempotency_key = ?
       on conflict (idempotency_key) do nothing returning id`,
      [amountMinor, key, reference, stepKeys(checkout.id).tender(index)],
    );
    if (inserted.length === 0) {
      // Recorded before (a retry); a capture with no authorization to go with is a bug, never a silent skip.
      const [known] = await sql(em, `select 1 from "${SCHEMA}"."payment_event" where idempotency_key = ?`, [key]);
      if (!known) throw new Error(`checkout ${checkout.id}: tender ${index} was captured but its authorization is not in the ledger`);
      return;
    }
    if (financialStatus(await orderPaymentSummaries(em, order.id), order.totalMinor) === 'PAID') {
      await appendOrderEvents(em, order, [{ type: 'order.paid', data: { paidMinor: order.totalMinor } }]);
    }
  });
}

/** Every payment of an order (oldest first), summed from its events: one statement, after writing what `em` holds unwritten. */
export async function orderPaymentSummaries(em: EntityManager, orderId: string) {
  await em.flush();
  const rows = await sql<{
    payment_id: string;
    kind: PaymentEventKind | null;
    amount_minor: string | null;
    status: PaymentEventStatus | null;
  }>(
    em,
    `select p.id as payment_id, e.kind, e.amount_minor, e.status
     from "${SCHEMA}"."payment" p left join "${SCHEMA}"."payment_event" e on e.payment_id = p.id
     where p.order_id = ? order by p.created_at, p.id, e.id`,
    [orderId],
  );
  const byPayment = new Map<string, PaymentEvent[]>();
  for (const row of rows) {
    const events = byPayment.get(row.payment_id) ?? [];
    byPayment.set(row.payment_id, events);
    if (row.kind && row.status) events.push({ kind: row.kind, amountMinor: Number(row.amount_minor), status: row.status });
  }
  return [...byPayment.values()].map((events) => summarizePayment(events));
}
