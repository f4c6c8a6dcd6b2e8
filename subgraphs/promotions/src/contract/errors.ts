import { IDEMPOTENCY_KEY_MISMATCH } from '#platform/db';
import { UserErrorCode } from '#platform/graphql';

/**
 * The `userErrors` codes the promotions subgraph answers its internal commands with: what a
 * caller (the orders subgraph's checkout, returns) must tell apart to act on a refusal.
 * Every one means the command changed nothing.
 */
export const PromotionsCommandErrorCode = {
  /** The discount, gift card, account or reservation named does not exist. */
  NOT_FOUND: UserErrorCode.NOT_FOUND,
  /** An amount is not in the shop currency, or a card or account is kept in another currency. */
  CURRENCY_MISMATCH: UserErrorCode.CURRENCY_MISMATCH,
  /** The idempotency key was already used for a different request; a new attempt needs a new key. */
  IDEMPOTENCY_KEY_MISMATCH,
  /** A discount's uses are all taken, or this customer has used it as often as it allows. */
  USAGE_LIMIT_REACHED: 'USAGE_LIMIT_REACHED',
  /** The discount is limited per customer and the reservation named no customer (a guest). */
  CUSTOMER_REQUIRED: 'CUSTOMER_REQUIRED',
  /** Staff switched the discount off. */
  INACTIVE: 'INACTIVE',
  /** The discount's start date is still ahead. */
  NOT_STARTED: 'NOT_STARTED',
  /** The discount's end date has passed. */
  EXPIRED: 'EXPIRED',
  /** The uses held under this key lapsed before they were committed: reserve again under a new key. */
  REDEMPTION_EXPIRED: 'REDEMPTION_EXPIRED',
  /** The uses held under this key were released: reserve again under a new key. */
  REDEMPTION_RELEASED: 'REDEMPTION_RELEASED',
  /** The uses held under this key belong to a placed order, so they cannot be released. */
  REDEMPTION_COMMITTED: 'REDEMPTION_COMMITTED',
  /** The gift card or store credit balance is lower than the amount to debit. */
  INSUFFICIENT_BALANCE: 'INSUFFICIENT_BALANCE',
  /** Staff disabled the gift card: it cannot be spent. */
  GIFT_CARD_DISABLED: 'GIFT_CARD_DISABLED',
  /** The gift card's last day has passed: it cannot be spent. */
  GIFT_CARD_EXPIRED: 'GIFT_CARD_EXPIRED',
  /** A refund would put more on the card than was ever spent from it. */
  REFUND_EXCEEDS_SPENT: 'REFUND_EXCEEDS_SPENT',
  /** The customer has fewer loyalty points than the redemption or reversal takes. */
  INSUFFICIENT_POINTS: 'INSUFFICIENT_POINTS',
} as const;

export type PromotionsCommandErrorCode = (typeof PromotionsCommandErrorCode)[keyof typeof PromotionsCommandErrorCode];

/**
 * Why a code entered at checkout gives no discount (`discountsEvaluate`'s `rejectedCodes`); the
 * message beside it is for the shopper, the reason for the caller's logic.
 */
export const CodeRejectionReason = {
  /** No discount has this code. */
  UNKNOWN: 'UNKNOWN',
  /** Staff switched the discount off. */
  INACTIVE: 'INACTIVE',
  /** The discount has not started yet. */
  NOT_STARTED: 'NOT_STARTED',
  /** The discount has ended. */
  EXPIRED: 'EXPIRED',
  /** The discount is not offered on the basket's channel. */
  NOT_FOR_CHANNEL: 'NOT_FOR_CHANNEL',
  /** The discount is for customer segments this customer is not in. */
  NOT_FOR_CUSTOMER: 'NOT_FOR_CUSTOMER',
  /** The discount is limited per customer, so a guest cannot use it. */
  CUSTOMER_REQUIRED: 'CUSTOMER_REQUIRED',
  /** The basket is below the discount's minimum subtotal or quantity. */
  MINIMUM_NOT_MET: 'MINIMUM_NOT_MET',
  /** The discount's uses, or this customer's, are all taken. */
  USAGE_LIMIT_REACHED: 'USAGE_LIMIT_REACHED',
  /** No line is targeted, or nothing is left for the discount to take. */
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  /** A bigger discount that does not stack with this one was chosen. */
  NOT_COMBINABLE: 'NOT_COMBINABLE',
} as const;

export type CodeRejectionReason = (typeof CodeRejectionReason)[keyof typeof CodeRejectionReason];
