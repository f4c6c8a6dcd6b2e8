import { MutationPayload } from '#platform/graphql';
import { Discount, DiscountRedemption } from '../entities';

export const DiscountCreatePayload = MutationPayload('DiscountCreatePayload', { discount: () => Discount });
export const DiscountUpdatePayload = MutationPayload('DiscountUpdatePayload', { discount: () => Discount });
export const DiscountDeactivatePayload = MutationPayload('DiscountDeactivatePayload', { discount: () => Discount });
export const DiscountRedemptionPayload = MutationPayload(
  'DiscountRedemptionPayload',
  { redemptions: () => [DiscountRedemption] },
  { internal: true },
);
