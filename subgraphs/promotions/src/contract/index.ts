/**
 * What other subgraphs may rely on from promotions: the internal commands the orders subgraph
 * sends (pricing, discount uses, gift card, store credit and loyalty balances) and the codes
 * their refusals carry. Promotions publishes no events.
 */
export {
  DiscountsEvaluate,
  DiscountRedemptionReserve,
  DiscountRedemptionCommit,
  DiscountRedemptionRelease,
  DiscountRedemptionReturn,
  GiftCardDebit,
  GiftCardRefund,
  StoreCreditDebit,
  StoreCreditIssue,
  LoyaltyPointsEarn,
  LoyaltyPointsRedeem,
  LoyaltyPointsAdjust,
  LoyaltyProgramRead,
  LoyaltyEarnedForOrder,
  type MoneyValue,
  type MoneyArgument,
  type EvaluationLineArgument,
  type DiscountsEvaluateVariables,
  type DiscountEvaluationValue,
  type DiscountRedemptionValue,
  type DiscountRedemptionsValue,
  type DiscountRedemptionReserveVariables,
  type GiftCardChangeValue,
  type GiftCardDebitVariables,
  type GiftCardRefundVariables,
  type StoreCreditChangeValue,
  type StoreCreditDebitVariables,
  type StoreCreditIssueVariables,
  type LoyaltyChangeValue,
  type LoyaltyPointsEarnVariables,
  type LoyaltyPointsRedeemVariables,
  type LoyaltyPointsAdjustVariables,
} from './commands';
export { PromotionsCommandErrorCode, CodeRejectionReason } from './errors';
