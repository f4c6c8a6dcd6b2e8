/**
 * Step: an EXCHANGE_CREDIT payment's share going back. That credit is the value of units returned
 * on the original order, kept there toward the exchange instead of refunded; nothing of it sits
 * with a provider. When the exchange order is cancelled or its items are refunded, the share goes
 * back to the original order's tenders as a refund of that order (under this step's key, so a
 * retry or the sweeper finds the same one), and counts as moved only once that refund is done.
 */
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { Order, OrderReturn, type Payment } from '../../entities';
import { splitAcrossTenders } from '../../returns/refund-allocation';
import { completeRefund, insertRefund, readRefund, recordRefundStep, refundMoneyBack } from '../../returns/refund-row';
import type { PaymentMethod } from '../../payments';
import { orderedPayments } from '../accept';
import { plannedRefunds } from '../cancellation-row';
import type { CancellationDeps } from '../deps';
import type { MoneyBack } from './payment';
import type { PaymentRefund } from '../types';
import type { StepRecord } from './stock';

/** Whose key the original order's refund is under: no caller's, so no caller's key can collide with it. */
const SCOPE = 'system';

/** Gives `amountMinor` of the exchange credit `payment` back to the original order's tenders; the refund's id once done, else null. */
export async function exchangeCreditBack(
  deps: CancellationDeps,
  payment: Payment,
  amountMinor: number,
  key: string,
  refundOne: (row: MoneyBack, refund: PaymentRefund) => Promise<StepRecord>,
): Promise<string | null> {
  const returnId = /^return:(.+)$/.exec(payment.providerReference ?? '')?.[1];
  if (!returnId) throw new Error(`exchange credit payment ${payment.id} names no return`);
  const refundId = await deps.em().transactional(async (em) => {
    const ret = await em.findOneOrFail(OrderReturn, { id: returnId });
    const order = await em.findOneOrFail(Order, { id: ret.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const earlier = await readRefund(em, { scope: SCOPE, key });
    if (earlier) return earlier.id;
    const planned = await plannedRefunds(em, order.id);
    const split = splitAcrossTenders(
      amountMinor,
      (await orderedPayments(em, order.id)).map((p) => ({
        paymentId: p.id,
        method: p.method as PaymentMethod,
        capturedMinor: p.amountMinor,
        refundedMinor: Math.min(p.amountMinor, planned.get(p.id) ?? 0),
      })),
    );
    if (!split.ok) throw new Error(`order ${order.id}: its tenders cannot take back ${split.shortMinor} of exchange credit`);
    const id = randomUUID();
    await insertRefund(em, {
      id,
      scope: SCOPE,
      key,
      hash: key,
      plan: {
        orderId: order.id,
        checkoutId: order.checkoutId,
        customerId: order.customerId,
        currencyCode: order.currencyCode,
        number: order.number,
        refundTo: 'ORIGINAL',
        lines: [],
        shippingMinor: 0,
        taxMinor: 0,
        refunds: split.refunds.map((r) => ({ ...r, beforeMinor: planned.get(r.paymentId) ?? 0 })),
        refundTotalMinor: amountMinor,
        returnId,
        exchangeMinor: 0,
      },
      leaseMs: deps.leaseMs,
    });
    return id;
  });
  const row = await readRefund(deps.em(), { id: refundId });
  if (!row) throw new Error(`no refund ${refundId}`);
  if (row.state === 'COMPLETED') return row.id;
  let all = true;
  for (const refund of row.plan.refunds) {
    const name = `payment:${refund.paymentId}`;
    if (row.steps[name]?.done) continue;
    const record = await refundOne(refundMoneyBack(row), refund);
    if (record) await recordRefundStep(deps.em(), row.id, name, record, deps.leaseMs);
    else all = false;
  }
  if (!all) return null;
  await completeRefund(deps.em(), row.id);
  return row.id;
}
