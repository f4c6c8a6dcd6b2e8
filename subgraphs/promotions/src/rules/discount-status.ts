import { DiscountStatus, type Discount } from '../entities';

/** Where a discount stands at `now`, from its dates and whether staff switched it off. */
export function discountStatus(discount: Pick<Discount, 'deactivatedAt' | 'startsAt' | 'endsAt'>, now = new Date()): DiscountStatus {
  if (discount.deactivatedAt) return DiscountStatus.DEACTIVATED;
  if (discount.startsAt && discount.startsAt > now) return DiscountStatus.SCHEDULED;
  if (discount.endsAt && discount.endsAt <= now) return DiscountStatus.EXPIRED;
  return DiscountStatus.ACTIVE;
}
