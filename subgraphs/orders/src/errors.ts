import { UserErrorCode } from '#platform/graphql';

/**
 * Every code a client can find in a `userErrors` entry from this subgraph: the platform's common
 * codes it uses, and its own. Services take codes from here and nowhere else.
 */
export const OrdersErrorCode = {
  /** A required value is empty: a SKU or variant id on a line, an address's country, a code. */
  BLANK: UserErrorCode.BLANK,
  /** A value is malformed: a line naming both or neither of SKU and variant id, a country code, an email, a delivery handle. */
  INVALID: UserErrorCode.INVALID,
  /** A text is over its limit: a discount code (64), a note (2000), an address field. */
  TOO_LONG: UserErrorCode.TOO_LONG,
  /** More than 250 lines in a cart, or more than 20 discount codes. */
  TOO_MANY: UserErrorCode.TOO_MANY,
  /** A quantity below 1 (or below 0 in an update, where 0 removes the line). */
  GREATER_THAN_OR_EQUAL_TO: UserErrorCode.GREATER_THAN_OR_EQUAL_TO,
  /** A quantity above 999. */
  LESS_THAN_OR_EQUAL_TO: UserErrorCode.LESS_THAN_OR_EQUAL_TO,
  /** A line id, shipping rate, zone or location that does not exist. */
  NOT_FOUND: UserErrorCode.NOT_FOUND,
  /** A country already in another shipping zone. */
  TAKEN: UserErrorCode.TAKEN,
  /** A shipping price in another currency than the shop's. */
  CURRENCY_MISMATCH: UserErrorCode.CURRENCY_MISMATCH,

  /** No cart has this id that the caller may see: unknown, or another customer's (one answer for both). */
  CART_NOT_FOUND: 'CART_NOT_FOUND',
  /** The cart was ordered or merged into another: change the cart it points to instead. */
  CART_CLOSED: 'CART_CLOSED',
  /** The catalog has no variant with this SKU or id. */
  UNKNOWN_SKU: 'UNKNOWN_SKU',
  /** The chosen store does not offer pickup, or the shipping rate does not serve the address's country. */
  DELIVERY_NOT_AVAILABLE: 'DELIVERY_NOT_AVAILABLE',
  /** A recovery link that is forged, expired or for a cart that is no longer open. */
  INVALID_RECOVERY_TOKEN: 'INVALID_RECOVERY_TOKEN',
  /** A recovery mail for a cart whose shopper left no email. */
  NO_EMAIL: 'NO_EMAIL',
} as const;

export type OrdersErrorCode = (typeof OrdersErrorCode)[keyof typeof OrdersErrorCode];

/** Checkout's own codes (the saga's refusals), listed with the rest. */
export { CheckoutErrorCode } from './checkout/errors';
