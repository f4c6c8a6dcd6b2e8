/**
 * Step: give one payment its share back. A card authorized and never captured is voided when
 * the whole of it goes back; otherwise it is first captured under checkout's own capture key (so
 * checkout's capture, should it still run, replays the same one) and the share refunded. Stored
 * value goes back through promotions: gift card refunds, store credit, loyalty points. With
 * refundTo STORE_CREDIT, whatever was taken goes back as store credit instead. Each call is keyed
 * by the cancellation (or refund) and the payment, and the ledger gets its VOID or REFUND once it
 * moved. Refunds of returned units run the same step (returns/), with keys of their own. Exchange
 * credit goes back to the tenders of the order whose returned units paid it (exchange-credit.ts).
 */
import { GiftCardRefund, LoyaltyPointsAdjust, StoreCreditIssue } from '#contracts/promotions';
import { formatMinorUnits, type CurrencyCode } from '#platform/graphql';
import { stepKeys } from '../../checkout/keys';
import { readCheckout } from '../../checkout/checkout-row';
import { Payment } from '../../entities';
import { shareOfFirst } from '../../returns/refund-allocation';
import type { CancellationRow } from '../cancellation-row';
import type { CancellationDeps } from '../deps';
import { exchangeCreditBack } from './exchange-credit';
import { cancelKeys } from '../keys';
import { paymentLedger, recordPaymentEvent } from '../ledger';
import type { PaymentRefund, RefundDestination } from '../types';
import type { StepRecord } from './stock';

/** Whose money goes back, where to, and under which keys: a cancellation, or a refund of returned units. */
export interface MoneyBack {
  /** The cancellation's or refund's id (logs, gift card references). */
  id: string;
  order_id: string;
  plan: {
    checkoutId: string | null;
    customerId: string | null;
    currencyCode: string;
    refundTo: RefundDestination;
    /** The drawer session of the till that pays cash back, when a till does. */
    posSessionId?: string | null;
  };
  /** What the ledgers and the customer's account say it was for. */
  reason: string;
  /** The gift card transaction's reference. */
  reference: string;
  keys: { void(paymentId: string): string; refund(paymentId: string): string };
}

/** A cancellation as money going back. */
export const cancellationMoneyBack = (row: CancellationRow): MoneyBack => ({
  id: row.id,
  order_id: row.order_id,
  plan: row.plan,
  reason: `Order ${row.plan.number} cancelled: ${row.plan.reason}`,
  reference: `cancel:${row.id}`,
  keys: cancelKeys(row.id),
});

/** The ledger reference of money given back as store credit instead of to its tender (cash drawers skip these). */
export const STORE_CREDIT_REFERENCE = 'store-credit:';

export async function refundPayment(deps: CancellationDeps, row: MoneyBack, refund: PaymentRefund): Promise<StepRecord> {
  const em = deps.em();
  const payment = await em.findOneOrFail(Payment, { id: refund.paymentId });
  const ledger = await paymentLedger(em, payment.id);
  const keys = row.keys;
  const tenderIndex = ledger.tenderKey ? Number(/:tender:(\d+)$/.exec(ledger.tenderKey)?.[1] ?? NaN) : NaN;

  if (payment.method === 'TEST_CARD' && ledger.captured === 0) {
    if (ledger.voided > 0) return { voided: ledger.voided };
    const wholePayment = refund.beforeMinor === 0 && refund.amountMinor === payment.amountMinor;
    if (wholePayment && payment.providerReference) {
      const voided = await deps.card.void({ reference: payment.providerReference, idempotencyKey: keys.void(payment.id) });
      if (voided.status === 'SUCCEEDED' || (voided.status === 'DECLINED' && voided.code === 'AUTHORIZATION_VOIDED')) {
        const reference = voided.status === 'SUCCEEDED' ? voided.reference : null;
        await recordPaymentEvent(em, row.order_id, {
          paymentId: payment.id,
          kind: 'VOID',
          amountMinor: payment.amountMinor,
          key: keys.void(payment.id),
          reference,
        });
        return { voided: payment.amountMinor };
      }
      if (voided.status !== 'DECLINED' || voided.code !== 'ALREADY_CAPTURED') {
        deps.logger.warn({ cancellation: row.id, result: voided }, 'cancellation: void not done; retried later');
        return null;
      }
      // Checkout's capture got there first: record it, then refund it.
    }
    if (!(await captureAsCheckout(deps, row, payment, tenderIndex))) return null;
  }

  const amountMinor = refund.amountMinor;
  const currency = row.plan.currencyCode as CurrencyCode;
  const money = { amount: formatMinorUnits(amountMinor, currency), currencyCode: currency };
  const reason = row.reason;
  const key = keys.refund(payment.id);
  let reference: string | null = null;
  if (row.plan.refundTo === 'STORE_CREDIT' && row.plan.customerId) {
    const result = await deps.promotions.call({}, StoreCreditIssue, {
      input: { customerId: row.plan.customerId, amount: money, reason },
      idempotencyKey: key,
    });
    if (!result.ok) return failed(deps, row, result);
    reference = `${STORE_CREDIT_REFERENCE}${result.value.entry.id}`;
  } else if (payment.method === 'TEST_CARD') {
    const result = await deps.card.refund({ reference: payment.providerReference ?? '', amountMinor, idempotencyKey: key });
    if (result.status !== 'SUCCEEDED') return failed(deps, row, result);
    reference = result.reference;
  } else if (payment.method === 'EXCHANGE_CREDIT') {
    const refundId = await exchangeCreditBack(deps, payment, amountMinor, key, (back, share) => refundPayment(deps, back, share));
    if (!refundId) return failed(deps, row, { exchangeCredit: 'the original order is not refunded yet' });
    reference = `refund:${refundId}`;
  } else if (payment.method === 'GIFT_CARD') {
    const record = await tenderRecord(deps, row, tenderIndex);
    const result = await deps.promotions.call({}, GiftCardRefund, {
      input: { id: record.giftCardId as string, amount: money, reference: row.reference },
      idempotencyKey: key,
    });
    if (!result.ok) return failed(deps, row, result);
    reference = result.value.transaction.id;
  } else if (payment.method === 'STORE_CREDIT' && row.plan.customerId) {
    const result = await deps.promotions.call({}, StoreCreditIssue, {
      input: { customerId: row.plan.customerId, amount: money, reason },
      idempotencyKey: key,
    });
    if (!result.ok) return failed(deps, row, result);
    reference = result.value.entry.id;
  } else if (payment.method === 'LOYALTY_POINTS' && row.plan.customerId) {
    const record = await tenderRecord(deps, row, tenderIndex);
    const points = Number(record.points ?? 0);
    // Points go back in the same proportion they paid: the last share takes the remainder, as units do.
    const back =
      shareOfFirst(points, refund.beforeMinor + amountMinor, payment.amountMinor) -
      shareOfFirst(points, refund.beforeMinor, payment.amountMinor);
    if (back > 0) {
      const result = await deps.promotions.call({}, LoyaltyPointsAdjust, {
        input: { customerId: row.plan.customerId, points: back, reason },
        idempotencyKey: key,
      });
      if (!result.ok) return failed(deps, row, result);
      reference = result.value.entry.id;
    }
  }
  // CASH, MANUAL and CARD_EXTERNAL: staff hand the money back (a terminal's card payment on that terminal); the ledger records it.
  // Cash given as store credit never leaves a drawer: no till's session counts it (the drawer's sum skips `store-credit:` refunds).
  const posSessionId = payment.method === 'CASH' && !reference?.startsWith(STORE_CREDIT_REFERENCE) ? (row.plan.posSessionId ?? null) : null;
  await recordPaymentEvent(em, row.order_id, { paymentId: payment.id, kind: 'REFUND', amountMinor, key, reference, posSessionId });
  return { refunded: amountMinor };
}

function failed(deps: CancellationDeps, row: MoneyBack, result: unknown): null {
  deps.logger.warn({ cancellation: row.id, result }, 'cancellation: refund not done; retried later');
  return null;
}

async function tenderRecord(deps: CancellationDeps, row: MoneyBack, index: number): Promise<Record<string, unknown>> {
  const checkout = row.plan.checkoutId ? await readCheckout(deps.em(), { id: row.plan.checkoutId }) : null;
  return checkout?.steps[`tender:${index}`] ?? {};
}

/** Captures the authorization as checkout would (its key, its amount), and records the capture. */
async function captureAsCheckout(deps: CancellationDeps, row: MoneyBack, payment: Payment, index: number): Promise<boolean> {
  if (!row.plan.checkoutId || !payment.providerReference || !Number.isInteger(index)) return false;
  const key = stepKeys(row.plan.checkoutId).capture(index);
  const result = await deps.card.capture({ reference: payment.providerReference, amountMinor: payment.amountMinor, idempotencyKey: key });
  if (result.status !== 'SUCCEEDED') {
    deps.logger.warn({ cancellation: row.id, result }, 'cancellation: capture before refund not done; retried later');
    return false;
  }
  await recordPaymentEvent(deps.em(), row.order_id, {
    paymentId: payment.id,
    kind: 'CAPTURE',
    amountMinor: payment.amountMinor,
    key,
    reference: result.reference,
  });
  return true;
}
