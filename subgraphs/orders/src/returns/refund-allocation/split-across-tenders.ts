/**
 * Where an ORIGINAL refund goes when the order was paid with several tenders. Checkout debits
 * stored value first and authorizes the card last (ORDERS.md: the card is the step dearest to
 * undo), so a refund unwinds it the other way: the last money in is the first out.
 * The card (a terminal's card payment, cash, or a manual payment) gets money back first, then store credit, then gift
 * cards, then loyalty points. Within one method the tender applied last goes first. No tender
 * ever gets back more than was captured on it less what it has had back already.
 */
import type { PaymentMethod } from '../../payments';
import type { Tender, TenderRefund, TenderSplit } from './types';
import { RefundInputError } from './validate';

/** The default order in which tenders take a refund; a method not listed is never refunded to. */
export const REFUND_PREFERENCE: readonly PaymentMethod[] = [
  'TEST_CARD',
  'CARD_EXTERNAL',
  'CASH',
  'MANUAL',
  'STORE_CREDIT',
  'GIFT_CARD',
  'LOYALTY_POINTS',
  'EXCHANGE_CREDIT',
];

/**
 * `amountMinor` split over `tenders` (given in the order checkout applied them) by `preference`;
 * a shortfall when they cannot take it all back. Throws RefundInputError on malformed tenders.
 */
export function splitAcrossTenders(
  amountMinor: number,
  tenders: readonly Tender[],
  preference: readonly PaymentMethod[] = REFUND_PREFERENCE,
): TenderSplit {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0)
    throw new RefundInputError(`refund amount ${amountMinor} is not a whole amount`);
  const ids = new Set<string>();
  for (const tender of tenders) {
    if (ids.has(tender.paymentId)) throw new RefundInputError(`payment ${tender.paymentId} is listed twice`);
    ids.add(tender.paymentId);
    const { capturedMinor, refundedMinor } = tender;
    if (
      !Number.isSafeInteger(capturedMinor) ||
      !Number.isSafeInteger(refundedMinor) ||
      refundedMinor < 0 ||
      refundedMinor > capturedMinor
    ) {
      throw new RefundInputError(`payment ${tender.paymentId} has ${refundedMinor} refunded of ${capturedMinor} captured`);
    }
  }

  const ordered = tenders
    .map((tender, index) => ({ tender, index, rank: preference.indexOf(tender.method) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || b.index - a.index);
  const refunds: TenderRefund[] = [];
  let left = amountMinor;
  for (const { tender } of ordered) {
    if (left === 0) break;
    const amount = Math.min(left, tender.capturedMinor - tender.refundedMinor);
    if (amount === 0) continue;
    refunds.push({ paymentId: tender.paymentId, method: tender.method, amountMinor: amount });
    left -= amount;
  }
  return left > 0 ? { ok: false, code: 'REFUND_EXCEEDS_TENDERS', shortMinor: left } : { ok: true, refunds };
}
