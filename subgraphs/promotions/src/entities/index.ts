import { IdempotencyRecord } from '../../../platform/src';
import { DiscountRedemption } from './discount-redemption.entity';
import { Discount } from './discount.entity';

export { Discount, DiscountRedemption };
export { DiscountKind, DiscountScope, DiscountStatus, DiscountTargetType, RedemptionStatus } from './discount-enums';

export const entities = [Discount, DiscountRedemption, IdempotencyRecord];
