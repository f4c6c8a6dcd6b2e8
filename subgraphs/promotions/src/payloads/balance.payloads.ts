import { MutationPayload } from '#platform/graphql';
import { GiftCard, GiftCardTransaction, StoreCreditAccount, StoreCreditEntry } from '../entities';

export const StoreCreditIssuePayload = MutationPayload('StoreCreditIssuePayload', {
  account: () => StoreCreditAccount,
  entry: () => StoreCreditEntry,
});
export const StoreCreditDebitPayload = MutationPayload(
  'StoreCreditDebitPayload',
  { account: () => StoreCreditAccount, entry: () => StoreCreditEntry },
  { internal: true },
);
export const GiftCardCreatePayload = MutationPayload('GiftCardCreatePayload', { giftCard: () => GiftCard, giftCardCode: () => String });
export const GiftCardDisablePayload = MutationPayload('GiftCardDisablePayload', { giftCard: () => GiftCard });
export const GiftCardTransactionPayload = MutationPayload(
  'GiftCardTransactionPayload',
  { giftCard: () => GiftCard, transaction: () => GiftCardTransaction },
  { internal: true },
);
