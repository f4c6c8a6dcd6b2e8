/**
 * The userErrors codes returns and refunds answer with, besides the common ones (NOT_FOUND,
 * GREATER_THAN_OR_EQUAL_TO, INVALID, CUSTOMER_REQUIRED, IDEMPOTENCY_KEY_MISMATCH). Each means
 * nothing was returned, received or refunded.
 */
export const ReturnErrorCode = {
  /** More units than left the shop and are not already returned or on a return; what never left is cancelled instead. */
  NOT_RETURNABLE: 'NOT_RETURNABLE',
  /** The customer's return window (RETURN_WINDOW_DAYS from the fulfilment or pickup) has closed: staff can still take it back. */
  RETURN_WINDOW_CLOSED: 'RETURN_WINDOW_CLOSED',
  /** The return is not in a state for this: approving or declining one that is not REQUESTED, receiving one not OPEN, settling an exchange before its units are all received. */
  RETURN_NOT_OPEN: 'RETURN_NOT_OPEN',
  /** More units than came back on a return and are not refunded yet. */
  NOT_REFUNDABLE: 'NOT_REFUNDABLE',
  /** The exchange on the return is settled (or being settled under another key): its items and money are fixed. */
  EXCHANGE_SETTLED: 'EXCHANGE_SETTLED',
  /** The return has no exchange lines to settle. */
  NO_EXCHANGE: 'NO_EXCHANGE',
} as const;

export type ReturnErrorCode = (typeof ReturnErrorCode)[keyof typeof ReturnErrorCode];

/** How the codes read in the schema's UserErrorCode enum. */
export const returnErrorDescriptions: Record<ReturnErrorCode, string> = {
  NOT_RETURNABLE: 'More units than left the shop and are not already returned or on a return; units that never left are cancelled instead.',
  RETURN_WINDOW_CLOSED:
    "The customer's return window (RETURN_WINDOW_DAYS after fulfilment or pickup) has closed; staff can still take it back.",
  RETURN_NOT_OPEN:
    'The return is not in a state for this (approve or decline a REQUESTED return, receive an OPEN one, settle an exchange once its units are received).',
  NOT_REFUNDABLE: 'More units than came back on a return and are not refunded yet.',
  EXCHANGE_SETTLED: 'The exchange on the return is settled (or being settled under another key); its items and money are fixed.',
  NO_EXCHANGE: 'The return has no exchange lines to settle: set them with returnExchangeLinesSet.',
};
