/**
 * The userErrors codes cancelling answers with, besides the common ones (NOT_FOUND,
 * GREATER_THAN_OR_EQUAL_TO, LESS_THAN_OR_EQUAL_TO, CUSTOMER_REQUIRED, IDEMPOTENCY_KEY_MISMATCH).
 * Each means nothing was cancelled, released or refunded.
 */
export const CancelErrorCode = {
  /** Units of the order or line have left (shipped or handed over): return them instead. */
  ALREADY_FULFILLED: 'ALREADY_FULFILLED',
  /** Nothing is left to cancel: the order or line was cancelled already. */
  ALREADY_CANCELLED: 'ALREADY_CANCELLED',
  /** A customer's order that the shop has started preparing (a fulfilment, or ready for pickup): ask the shop. */
  ALREADY_PREPARED: 'ALREADY_PREPARED',
} as const;

export type CancelErrorCode = (typeof CancelErrorCode)[keyof typeof CancelErrorCode];
