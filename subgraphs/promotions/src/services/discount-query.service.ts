import { isUuid, type SalesChannel } from '../../../platform/src';
import type { PromotionsContext } from '../context';
import { Discount, DiscountStatus } from '../entities';

export function findDiscount(ctx: PromotionsContext, id: string): Promise<Discount | null> {
  return isUuid(id) ? ctx.loaders.discountById.load(id) : Promise.resolve(null);
}

/** Where a discount stands at `now`, from its dates and whether staff switched it off. */
export function discountStatus(discount: Discount, now = new Date()): DiscountStatus {
  if (discount.deactivatedAt) return DiscountStatus.DEACTIVATED;
  if (discount.startsAt && discount.startsAt > now) return DiscountStatus.SCHEDULED;
  if (discount.endsAt && discount.endsAt <= now) return DiscountStatus.EXPIRED;
  return DiscountStatus.ACTIVE;
}

/** What is live on a channel right now, so every channel shows the same offers. */
export function activePromotions(ctx: PromotionsContext, channel: SalesChannel): Promise<Discount[]> {
  const now = new Date();
  return ctx.em.find(
    Discount,
    {
      deactivatedAt: null,
      channels: { $contains: [channel] },
      $and: [{ $or: [{ startsAt: null }, { startsAt: { $lte: now } }] }, { $or: [{ endsAt: null }, { endsAt: { $gt: now } }] }],
    },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
}
