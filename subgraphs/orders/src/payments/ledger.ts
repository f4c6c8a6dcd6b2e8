/**
 * A payment's amounts and status, derived from its events and never stored beside them. Only
 * SUCCEEDED events move money; a PENDING one is a question the provider has not answered, and
 * its answer arrives as a later event. Sums that cannot happen (more captured than authorized,
 * more refunded than captured) mean the ledger is corrupt, so they are thrown, not shown.
 */
import type { PaymentAmounts, PaymentEvent, PaymentStatus, PaymentSummary } from './types';

/** Thrown when events add up to money that cannot have moved; `code` lets an alert find it. */
export class PaymentLedgerError extends Error {
  readonly code = 'INCONSISTENT_PAYMENT_LEDGER';
  override readonly name = 'PaymentLedgerError';
}

/** The amounts and status of the payment whose events, oldest first, are `events`. */
export function summarizePayment(events: readonly PaymentEvent[]): PaymentSummary {
  const amounts = paymentAmounts(events);
  return { ...amounts, status: paymentStatus(amounts, events.at(-1)?.status ?? null) };
}

function paymentAmounts(events: readonly PaymentEvent[]): PaymentAmounts {
  const sums = { AUTHORIZE: 0, CAPTURE: 0, SALE: 0, VOID: 0, REFUND: 0, CHANGE: 0 };
  for (const event of events) {
    if (!Number.isSafeInteger(event.amountMinor) || event.amountMinor < 0) {
      throw new PaymentLedgerError(`A ${event.kind} event of ${event.amountMinor} is not a whole amount`);
    }
    if (event.status === 'SUCCEEDED') sums[event.kind] += event.amountMinor;
  }
  if (sums.CHANGE > sums.SALE) throw new PaymentLedgerError(`Change ${sums.CHANGE} exceeds the ${sums.SALE} tendered`);
  const kept = sums.SALE - sums.CHANGE;
  const amounts = {
    authorizedMinor: sums.AUTHORIZE + kept,
    capturedMinor: sums.CAPTURE + kept,
    refundedMinor: sums.REFUND,
    voidedMinor: sums.VOID,
  };
  if (amounts.capturedMinor + amounts.voidedMinor > amounts.authorizedMinor) {
    throw new PaymentLedgerError(
      `Captured ${amounts.capturedMinor} and voided ${amounts.voidedMinor} exceed the ${amounts.authorizedMinor} authorized`,
    );
  }
  if (amounts.refundedMinor > amounts.capturedMinor) {
    throw new PaymentLedgerError(`Refunded ${amounts.refundedMinor} exceeds the ${amounts.capturedMinor} captured`);
  }
  return amounts;
}

/** Captured money decides first, then an open authorization, then a void, then the last answer. */
function paymentStatus(amounts: PaymentAmounts, lastAnswer: PaymentEvent['status'] | null): PaymentStatus {
  const { authorizedMinor, capturedMinor, refundedMinor, voidedMinor } = amounts;
  const openMinor = authorizedMinor - capturedMinor - voidedMinor;
  if (capturedMinor > 0) {
    if (refundedMinor === capturedMinor) return 'REFUNDED';
    if (refundedMinor > 0) return 'PARTIALLY_REFUNDED';
    return openMinor > 0 ? 'PARTIALLY_CAPTURED' : 'CAPTURED';
  }
  if (openMinor > 0) return 'AUTHORIZED';
  if (voidedMinor > 0) return 'VOIDED';
  return lastAnswer === 'DECLINED' ? 'FAILED' : 'PENDING';
}
