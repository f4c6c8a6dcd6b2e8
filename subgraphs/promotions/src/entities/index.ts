import { IdempotencyRecord, RateLimitCounter } from '#platform/db';
import { EventConsumerPosition } from '#platform/outbox';
import { CustomerRedirect } from './customer-redirect.entity';
import { DiscountRedemption } from './discount-redemption.entity';
import { Discount } from './discount.entity';
import { GiftCardTransactionKind } from './gift-card-enums';
import { GiftCardTransaction } from './gift-card-transaction.entity';
import { GiftCard } from './gift-card.entity';
import { LoyaltyAccount } from './loyalty-account.entity';
import { LoyaltyEntry } from './loyalty-entry.entity';
import { LoyaltyEntryKind } from './loyalty-enums';
import { LoyaltyProgram, type LoyaltyTierRule } from './loyalty-program.entity';
import { StoreCreditAccount } from './store-credit-account.entity';
import { StoreCreditEntry } from './store-credit-entry.entity';

export {
  CustomerRedirect,
  Discount,
  DiscountRedemption,
  GiftCard,
  GiftCardTransaction,
  GiftCardTransactionKind,
  StoreCreditAccount,
  StoreCreditEntry,
  LoyaltyAccount,
  LoyaltyEntry,
  LoyaltyEntryKind,
  LoyaltyProgram,
  type LoyaltyTierRule,
};
export { DiscountKind, DiscountScope, DiscountStatus, DiscountTargetType, RedemptionStatus } from './discount-enums';

/** EventConsumerPosition: how far promotions has read other subgraphs' outboxes; RateLimitCounter: gift card lookups per caller;
 * CustomerRedirect: customers merged into others. */
export const entities = [
  Discount,
  DiscountRedemption,
  IdempotencyRecord,
  EventConsumerPosition,
  StoreCreditAccount,
  StoreCreditEntry,
  GiftCard,
  GiftCardTransaction,
  LoyaltyProgram,
  LoyaltyAccount,
  LoyaltyEntry,
  RateLimitCounter,
  CustomerRedirect,
];
