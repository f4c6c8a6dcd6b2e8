import { UserErrorCode } from '#platform/graphql';
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
