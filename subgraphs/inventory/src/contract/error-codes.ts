/**
 * Inventory's own `userErrors` codes that callers of its commands must understand (checkout,
 * tills, fulfilment). Besides these, a command may answer with the platform's common codes
 * (`UserErrorCode`: NOT_FOUND, TAKEN, INVALID…) and IDEMPOTENCY_KEY_MISMATCH.
 */
export const StockErrorCode = {
  /** Not enough available stock (onHand - reserved) for a line: nothing was held, sold or shipped. */
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  /** The reservation was already committed, released or expired, so it cannot take this step. */
  RESERVATION_NOT_PENDING: 'RESERVATION_NOT_PENDING',
  /** The reservation's time ran out before it was committed; its stock was or will be released. */
  RESERVATION_EXPIRED: 'RESERVATION_EXPIRED',
  /** A hold for a pickup at a location that does not offer pickup: nothing was held. */
  PICKUP_NOT_OFFERED: 'PICKUP_NOT_OFFERED',
  /** The catalog has no product variant with this SKU. */
  UNKNOWN_SKU: 'UNKNOWN_SKU',
  /** A transfer from a location to itself. */
  SAME_LOCATION: 'SAME_LOCATION',
  /** The transfer or purchase order is in a status that does not allow this step. */
  INVALID_STATUS: 'INVALID_STATUS',
  /** More received than is still in transit or outstanding on a line. */
  OVER_RECEIPT: 'OVER_RECEIPT',
  /** More units named than the reservation still holds at that location: nothing moved. */
  NOT_HELD: 'NOT_HELD',
} as const;

export type StockErrorCode = (typeof StockErrorCode)[keyof typeof StockErrorCode];
