/**
 * The payment ledger's contract. A payment is one tender of an order; its amounts are sums of
 * its events, and an event counts only when the provider said the money moved (SUCCEEDED). The
 * statuses are derived from those sums and never stored beside them, so they cannot drift.
 */

/** How a tender is paid; one provider per method. */
export type PaymentMethod =
  'TEST_CARD' | 'GIFT_CARD' | 'STORE_CREDIT' | 'LOYALTY_POINTS' | 'CASH' | 'MANUAL' | 'CARD_EXTERNAL' | 'EXCHANGE_CREDIT';

/**
 * What happened to a payment. AUTHORIZE reserves money and CAPTURE takes it; SALE does both at
 * once (cash, gift cards); VOID releases an authorization; REFUND gives captured money back;
 * CHANGE is cash handed back from a SALE of the amount tendered.
 */
export type PaymentEventKind = 'AUTHORIZE' | 'CAPTURE' | 'SALE' | 'VOID' | 'REFUND' | 'CHANGE';

/** The provider's answer: PENDING means not yet known (a timeout), and a later event says how it ended. */
export type PaymentEventStatus = 'SUCCEEDED' | 'DECLINED' | 'PENDING';

/** One append-only fact about a payment, in the order it happened. */
export interface PaymentEvent {
  kind: PaymentEventKind;
  /** A non-negative integer; for VOID, the amount released. */
  amountMinor: number;
  status: PaymentEventStatus;
}

/**
 * A payment's money, from its SUCCEEDED events. A SALE counts as authorized and captured; CHANGE
 * takes back from both what was handed back, so a cash payment of 50.00 for 42.50 is 42.50.
 */
export interface PaymentAmounts {
  authorizedMinor: number;
  capturedMinor: number;
  refundedMinor: number;
  voidedMinor: number;
}

/**
 * One payment's state. PENDING: nothing has succeeded and the last answer was not a decline
 * (including no answer yet); FAILED: nothing has succeeded and the last answer was a decline;
 * PARTIALLY_CAPTURED: some captured and some of the authorization still open.
 */
export type PaymentStatus =
  'PENDING' | 'FAILED' | 'AUTHORIZED' | 'PARTIALLY_CAPTURED' | 'CAPTURED' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'VOIDED';

/** A payment's amounts and the status they imply. */
export interface PaymentSummary extends PaymentAmounts {
  status: PaymentStatus;
}

/** The order's payment state across all its tenders (ORDERS.md: the financialStatus axis). */
export type FinancialStatus = 'PENDING' | 'AUTHORIZED' | 'PARTIALLY_PAID' | 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'VOIDED';

/** A cash tender's outcome: the change to hand back, or how much more the customer must give. */
export type CashTenderResult = { ok: true; changeMinor: number } | { ok: false; code: 'INSUFFICIENT_TENDER'; shortMinor: number };
