import { describeUserErrorCodes, UserErrorCode } from '#platform/graphql';
import { PromotionsCommandErrorCode } from './contract';

/**
 * Every code a client can find in a promotions payload's `userErrors`, in one place: the
 * platform's common ones (BLANK, INVALID, TAKEN, NOT_FOUND, TOO_MANY, GREATER_THAN_OR_EQUAL_TO…:
 * a field breaks a rule of its own), and those of the internal commands, which the contract
 * declares (each documented there) so that the orders subgraph reads the same names.
 */
export const PromotionsErrorCode = {
  ...UserErrorCode,
  ...PromotionsCommandErrorCode,
} as const;

export type PromotionsErrorCode = (typeof PromotionsErrorCode)[keyof typeof PromotionsErrorCode];

/** Codes of GraphQL errors (`extensions.code`) this subgraph raises itself, beside the platform's. */
export const PromotionsRequestErrorCode = {
  /** Too many gift card balance lookups from one caller in a minute; `retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
} as const;

/** The values of this subgraph's `UserErrorCode` enum, as clients read them. */
export const promotionsUserErrorCodes = describeUserErrorCodes(PromotionsErrorCode, {
  USAGE_LIMIT_REACHED: "The discount's uses are all taken, or this customer has used it as often as it allows.",
  CUSTOMER_REQUIRED: 'A guest asked for what needs a signed-in customer: a discount limited per customer, store credit or loyalty points.',
  INACTIVE: 'Staff switched the discount off.',
  NOT_STARTED: "The discount's start is still ahead.",
  EXPIRED: "The discount's end has passed.",
  REDEMPTION_EXPIRED: 'Held discount uses lapsed before they were committed; reserve again under a new key.',
  REDEMPTION_RELEASED: 'Held discount uses were given back; reserve again under a new key.',
  REDEMPTION_COMMITTED: 'Held discount uses belong to a placed order and cannot be released.',
  INSUFFICIENT_BALANCE: 'A gift card or store credit holds less than the amount.',
  GIFT_CARD_DISABLED: 'Staff disabled the gift card: it cannot be spent.',
  GIFT_CARD_EXPIRED: "The gift card's last day has passed: it cannot be spent.",
  REFUND_EXCEEDS_SPENT: 'A refund larger than what was ever spent from the gift card.',
  INSUFFICIENT_POINTS: 'The customer has fewer loyalty points than the redemption takes.',
});
