import { IDEMPOTENCY_KEY_MISMATCH } from '#platform/db';
import { describeUserErrorCodes, UserErrorCode } from '#platform/graphql';
import { StockErrorCode } from './contract';

/**
 * Every code a client can find in the `userErrors` of an inventory mutation. Services take codes
 * from here and define none of their own; the codes other subgraphs must understand are declared
 * once in the contract (`StockErrorCode`) and listed here again by reference.
 */
export const InventoryErrorCode = {
  /** The platform's common codes: BLANK, INVALID, TOO_LONG, TAKEN (a SKU listed twice, a name in use), NOT_FOUND (an unknown location, document or reservation)… */
  ...UserErrorCode,
  /** A retry sent an idempotency key already used for a different request; nothing was changed. */
  IDEMPOTENCY_KEY_MISMATCH,
  /** Not enough available stock (onHand - reserved) for an adjustment, a sale, a reservation or a shipment. */
  INSUFFICIENT_STOCK: StockErrorCode.INSUFFICIENT_STOCK,
  /** A reservation step on one already committed, released or expired. */
  RESERVATION_NOT_PENDING: StockErrorCode.RESERVATION_NOT_PENDING,
  /** A reservation committed after its time ran out. */
  RESERVATION_EXPIRED: StockErrorCode.RESERVATION_EXPIRED,
  /** A hold for a pickup at a location that does not offer pickup. */
  PICKUP_NOT_OFFERED: StockErrorCode.PICKUP_NOT_OFFERED,
  /** The product catalog has no variant with this SKU, so it cannot be stocked. */
  UNKNOWN_SKU: StockErrorCode.UNKNOWN_SKU,
  /** A transfer from a location to itself. */
  SAME_LOCATION: StockErrorCode.SAME_LOCATION,
  /** A transfer or purchase order step its current status does not allow. */
  INVALID_STATUS: StockErrorCode.INVALID_STATUS,
  /** More received than is in transit or still outstanding on a line. */
  OVER_RECEIPT: StockErrorCode.OVER_RECEIPT,
  /** More units named than a reservation still holds at that location; nothing moved. */
  NOT_HELD: StockErrorCode.NOT_HELD,
  /** The caller's expected onHand differs from the stored one: stock moved since they looked; nothing was changed. */
  STALE_QUANTITY: 'STALE_QUANTITY',
} as const;

export type InventoryErrorCode = (typeof InventoryErrorCode)[keyof typeof InventoryErrorCode];

/** The values of this subgraph's `UserErrorCode` enum, as clients read them. */
export const inventoryUserErrorCodes = describeUserErrorCodes(InventoryErrorCode, {
  INSUFFICIENT_STOCK: 'Not enough available stock (onHand - reserved) for an adjustment, sale, reservation or shipment; nothing moved.',
  RESERVATION_NOT_PENDING: 'The reservation was already committed, released or expired, so it cannot take this step.',
  RESERVATION_EXPIRED: 'The reservation ran out of time before it was committed; its stock is released.',
  PICKUP_NOT_OFFERED: 'A hold for a pickup names a location that does not offer pickup; nothing was held.',
  UNKNOWN_SKU: 'The catalog has no product variant with this SKU (or variant id).',
  SAME_LOCATION: 'A transfer from a location to itself.',
  INVALID_STATUS: 'The transfer or purchase order is in a status that does not allow this step.',
  OVER_RECEIPT: 'More received than is still in transit or outstanding on a line.',
  NOT_HELD: 'More units named than the reservation still holds at that location; nothing moved.',
  STALE_QUANTITY: 'The stored onHand differs from `expectedOnHand`: stock moved since the caller looked; nothing was changed.',
});
