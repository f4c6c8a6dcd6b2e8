import { Money, MutationPayload } from '#platform/graphql';
import { LoyaltyAccount, LoyaltyEntry } from '../entities';
import { LoyaltyProgramView } from '../types/loyalty.types';

export const LoyaltyPointsAdjustPayload = MutationPayload('LoyaltyPointsAdjustPayload', {
  account: () => LoyaltyAccount,
  entry: () => LoyaltyEntry,
});
export const LoyaltyPointsEarnPayload = MutationPayload(
  'LoyaltyPointsEarnPayload',
  { account: () => LoyaltyAccount, entry: () => LoyaltyEntry },
  { internal: true },
);
export const LoyaltyPointsRedeemPayload = MutationPayload(
  'LoyaltyPointsRedeemPayload',
  { account: () => LoyaltyAccount, entry: () => LoyaltyEntry, value: () => Money },
  { internal: true },
);
export const LoyaltyProgramUpdatePayload = MutationPayload('LoyaltyProgramUpdatePayload', { loyaltyProgram: () => LoyaltyProgramView });
