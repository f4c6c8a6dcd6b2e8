import { Discount } from './discount.entity';

export { Discount };
export { DiscountKind, DiscountStatus } from './discount-enums';

export const entities = [Discount];
