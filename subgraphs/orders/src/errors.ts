import { describeUserErrorCodes, UserErrorCode } from '#platform/graphql';
import { CancelErrorCode } from './cancellation/errors';
import { CheckoutErrorCode } from './checkout/errors';
import { ReturnErrorCode, returnErrorDescriptions } from './returns/errors';

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
  /** The order is cancelled or closed: nothing more can leave for it. */
  ORDER_NOT_OPEN: 'ORDER_NOT_OPEN',
  /** Ship to store: the transfer carrying the goods has not been received at the store yet. */
  TRANSFER_NOT_RECEIVED: 'TRANSFER_NOT_RECEIVED',
  /** Everything on the fulfilment order already left, was cancelled or moved. */
  NOTHING_TO_FULFIL: 'NOTHING_TO_FULFIL',
  /** Inventory did not answer; the fulfilment is recorded and finishes on its own. */
  FULFILMENT_PENDING: 'FULFILMENT_PENDING',
  /** The units are no longer held at that location for the order (moved or cancelled meanwhile). */
  STOCK_NOT_HELD: 'STOCK_NOT_HELD',
  /** The order is not collected at a store, or is not ready for pickup yet. */
  NOT_READY_FOR_PICKUP: 'NOT_READY_FOR_PICKUP',
  /** The pickup code or the looked-up customer does not match the order. */
  PICKUP_NOT_VERIFIED: 'PICKUP_NOT_VERIFIED',
  /** A card taken at pickup was authorized but not yet captured: ask again with the same key to finish. */
  PAYMENT_PENDING: 'PAYMENT_PENDING',
  /** Selling at a till needs a staff token naming the store. */
  LOCATION_REQUIRED: 'LOCATION_REQUIRED',
  /** A price override or line discount by someone who is not a manager. */
  OVERRIDE_NOT_ALLOWED: 'OVERRIDE_NOT_ALLOWED',
  /** The same clientOrderId was sent with other content: never a second order. */
  CONFLICT: 'CONFLICT',
  /** An offline sale could not be recorded now (a service did not answer): nothing was recorded; sync it again. */
  SYNC_LATER: 'SYNC_LATER',
  /** The till already has an open drawer session; close it first. */
  SESSION_ALREADY_OPEN: 'SESSION_ALREADY_OPEN',
  /** The drawer session is closed already, or not this store's. */
  SESSION_CLOSED: 'SESSION_CLOSED',
  /** The location to move to has too little of the units available. */
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
} as const;

export type OrdersErrorCode = (typeof OrdersErrorCode)[keyof typeof OrdersErrorCode];

/** Checkout's and cancelling's own codes (the sagas' refusals), listed with the rest. */
export { CheckoutErrorCode, CancelErrorCode, ReturnErrorCode };

/** The values of this subgraph's `UserErrorCode` enum, cart and checkout codes together, as clients read them. */
export const ordersUserErrorCodes = describeUserErrorCodes(
  { ...OrdersErrorCode, ...CheckoutErrorCode, ...CancelErrorCode, ...ReturnErrorCode },
  {
    ...returnErrorDescriptions,
    CART_NOT_FOUND: "No cart has this id that the caller may see: unknown, or another customer's (one answer for both).",
    CART_CLOSED: "The cart was ordered or merged into the customer's cart; change that one instead.",
    UNKNOWN_SKU: 'The catalog has no product variant with this SKU (or variant id).',
    DELIVERY_NOT_AVAILABLE: "The store does not offer pickup, or the shipping rate does not serve the address's country.",
    INVALID_RECOVERY_TOKEN: 'The cart recovery link is forged, expired, or for a cart that is no longer open.',
    NO_EMAIL: 'A recovery mail for a cart whose shopper left no email.',
    ORDER_NOT_OPEN: 'The order is cancelled or closed: nothing more can leave for it.',
    TRANSFER_NOT_RECEIVED: 'Ship to store: the transfer carrying the goods has not been received at the pickup store yet.',
    NOTHING_TO_FULFIL: 'Everything on the fulfilment order already left, was cancelled or was moved.',
    FULFILMENT_PENDING:
      'Inventory did not answer; the fulfilment is recorded and finishes on its own. Ask again with the same key to see it.',
    LOCATION_REQUIRED: 'Selling at a till needs a staff token naming the store.',
    OVERRIDE_NOT_ALLOWED: 'A price override or line discount by someone who is not a manager.',
    CONFLICT: 'The same clientOrderId was sent with other content: never a second order.',
    SYNC_LATER: 'An offline sale could not be recorded now (a service did not answer): nothing was recorded; sync it again.',
    SESSION_ALREADY_OPEN: 'The till already has an open drawer session; close it first.',
    SESSION_CLOSED: 'The drawer session is closed already, or not this store’s.',
    PAYMENT_PENDING: 'A card taken at pickup was authorized but not yet captured: ask again with the same key to finish.',
    STOCK_NOT_HELD: 'The units are no longer held for the order at that location (moved or cancelled meanwhile).',
    NOT_READY_FOR_PICKUP: 'The order is not collected at a store, or is not ready for pickup yet.',
    PICKUP_NOT_VERIFIED: 'The pickup code, or the customer staff looked up, does not match the order.',
    INSUFFICIENT_STOCK: 'Not enough available stock (onHand - reserved) for an adjustment, sale, reservation or shipment; nothing moved.',
    EMPTY_CART: 'The cart has no line to order.',
    PRICE_CHANGED: 'The total differs from the `expectedTotal` the shopper saw; show the new total and ask again.',
    PAYMENT_MISMATCH: 'The payments do not add up to the order total, or one is not a positive amount.',
    EMAIL_REQUIRED: 'A guest checkout without an email for the confirmation.',
    DELIVERY_REQUIRED: 'No delivery chosen, SHIP without an address, or PICKUP without a store.',
    CUSTOMER_REQUIRED:
      'A guest asked for what needs a signed-in customer: a discount limited per customer, store credit or loyalty points.',
    OUT_OF_STOCK: "A line's stock ran out at the locations that could serve it.",
    DISCOUNT_UNAVAILABLE: "A discount code's uses ran out, or it ended, since the cart was priced.",
    PAYMENT_DECLINED: 'The card was declined (by the issuer, for insufficient funds, or not a card the provider knows).',
    GIFT_CARD_UNUSABLE: 'A gift card that is unknown, disabled, expired, or holds less than asked.',
    INSUFFICIENT_BALANCE: 'A gift card or store credit holds less than the amount.',
    PAYMENT_METHOD_NOT_ALLOWED: 'This payment method (CASH, MANUAL) is for staff.',
    CHECKOUT_IN_PROGRESS: 'Another checkout of this cart is still running; ask again shortly with the same key.',
    CHECKOUT_FAILED: 'A service the checkout needs failed; everything held was given back and nothing was charged. Try again.',
    ALREADY_FULFILLED: 'Units of the order or line have left (shipped or handed over): return them instead of cancelling.',
    ALREADY_CANCELLED: 'Nothing is left to cancel: the order or line was cancelled already.',
    ALREADY_PREPARED: 'The shop has started preparing the order (a fulfilment, or ready for pickup); ask the shop to cancel it.',
  },
);
