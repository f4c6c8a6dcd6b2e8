/**
 * The userErrors codes checkout answers with, besides the platform's (IDEMPOTENCY_KEY_MISMATCH)
 * and the cart's. Each means nothing was held, debited or authorized, and the cart is as it was.
 */
export const CheckoutErrorCode = {
  /** The cart has no line to order. */
  EMPTY_CART: 'EMPTY_CART',
  /** The fresh total differs from the `expectedTotal` the shopper saw. */
  PRICE_CHANGED: 'PRICE_CHANGED',
  /** The payments do not add up to the order total (or one is not a positive amount). */
  PAYMENT_MISMATCH: 'PAYMENT_MISMATCH',
  /** A guest checkout without an email for the confirmation. */
  EMAIL_REQUIRED: 'EMAIL_REQUIRED',
  /** SHIP without an address, PICKUP without a store, or no delivery chosen. */
  DELIVERY_REQUIRED: 'DELIVERY_REQUIRED',
  /** The store chosen for pickup no longer offers it: choose another delivery. */
  DELIVERY_NOT_AVAILABLE: 'DELIVERY_NOT_AVAILABLE',
  /** Store credit or loyalty points without a signed-in customer. */
  CUSTOMER_REQUIRED: 'CUSTOMER_REQUIRED',
  /** A line's stock ran out at the locations that could serve it. */
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  /** A discount code's uses ran out, or it ended, since the cart was priced. */
  DISCOUNT_UNAVAILABLE: 'DISCOUNT_UNAVAILABLE',
  /** The card was declined (CARD_DECLINED, INSUFFICIENT_FUNDS, or not a card the provider knows). */
  PAYMENT_DECLINED: 'PAYMENT_DECLINED',
  /** A gift card that is unknown, disabled, expired, or holds less than asked. */
  GIFT_CARD_UNUSABLE: 'GIFT_CARD_UNUSABLE',
  /** Not enough store credit. */
  INSUFFICIENT_BALANCE: 'INSUFFICIENT_BALANCE',
  /** This payment method is for staff (CASH, MANUAL). */
  PAYMENT_METHOD_NOT_ALLOWED: 'PAYMENT_METHOD_NOT_ALLOWED',
  /** Another checkout of this cart is still running; ask again shortly with the same key. */
  CHECKOUT_IN_PROGRESS: 'CHECKOUT_IN_PROGRESS',
  /** A service the checkout needs did not answer, or the shop was too busy to finish in time; everything it held was given back. Try again. */
  CHECKOUT_FAILED: 'CHECKOUT_FAILED',
} as const;

export type CheckoutErrorCode = (typeof CheckoutErrorCode)[keyof typeof CheckoutErrorCode];
