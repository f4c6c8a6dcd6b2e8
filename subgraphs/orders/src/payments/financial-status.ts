/**
 * The order's financialStatus, from the amounts of all its payments (one per tender) and what it
 * costs. Refunds decide first (an order with money given back is refunded, in part or whole,
 * whatever else happened); then captured money against the total; then authorizations still
 * open, which count only when they cover the whole total, since an order partly authorized and
 * nothing captured cannot be fulfilled yet; then voids. An order of nothing is PAID.
 */
import type { FinancialStatus, PaymentAmounts } from './types';

/** The order's payment state given its `payments` and `orderTotalMinor`. */
export function financialStatus(payments: readonly PaymentAmounts[], orderTotalMinor: number): FinancialStatus {
  if (!Number.isSafeInteger(orderTotalMinor) || orderTotalMinor < 0)
    throw new RangeError(`Order total ${orderTotalMinor} is not a whole amount`);
  let captured = 0;
  let refunded = 0;
  let open = 0;
  let voided = 0;
  for (const payment of payments) {
    captured += payment.capturedMinor;
    refunded += payment.refundedMinor;
    open += payment.authorizedMinor - payment.capturedMinor - payment.voidedMinor;
    voided += payment.voidedMinor;
  }
  if (refunded > 0) return refunded >= captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
  if (captured >= orderTotalMinor) return 'PAID';
  if (captured > 0) return 'PARTIALLY_PAID';
  if (open > 0 && open >= orderTotalMinor) return 'AUTHORIZED';
  if (voided > 0 && open === 0) return 'VOIDED';
  return 'PENDING';
}
