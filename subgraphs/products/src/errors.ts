import { describeUserErrorCodes, UserErrorCode } from '#platform/graphql';

/**
 * Every code a client can find in a products mutation's `userErrors`, and when. Services take
 * their codes from here; none is spelled out anywhere else.
 */
export const ProductsErrorCode = {
  /** A required text is empty or whitespace, a list that needs an entry has none, or no channel was named. */
  BLANK: UserErrorCode.BLANK,
  /** A value breaks a format or catalog rule: a handle, SKU or barcode pattern, an unknown option, a category moved below itself, a malformed amount. */
  INVALID: UserErrorCode.INVALID,
  /** A text is longer than its limit (inputs/limits.ts). */
  TOO_LONG: UserErrorCode.TOO_LONG,
  /** A list holds more than its limit: tags, options, images, option values, or variants of one product. */
  TOO_MANY: UserErrorCode.TOO_MANY,
  /** A handle, SKU, barcode, option name or option combination is already used (also when a concurrent writer just took it). */
  TAKEN: UserErrorCode.TAKEN,
  /** The product, variant, category or parent category named by an id does not exist. */
  NOT_FOUND: UserErrorCode.NOT_FOUND,
  /** A price was given in a currency other than the shop's. */
  CURRENCY_MISMATCH: UserErrorCode.CURRENCY_MISMATCH,
  /** A price or compare-at price is negative. */
  GREATER_THAN_OR_EQUAL_TO: UserErrorCode.GREATER_THAN_OR_EQUAL_TO,
} as const;

export type ProductsErrorCode = (typeof ProductsErrorCode)[keyof typeof ProductsErrorCode];

/** The values of this subgraph's `UserErrorCode` enum, as clients read them (all common codes). */
export const productsUserErrorCodes = describeUserErrorCodes(ProductsErrorCode, {});
