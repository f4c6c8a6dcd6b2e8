/** Step: hold one use of each discount that applied. Compensation: give the uses back. */
import { DiscountRedemptionRelease, DiscountRedemptionReserve, PromotionsCommandErrorCode } from '#contracts/promotions';
import type { CheckoutRow } from '../checkout-row';
import type { CheckoutDeps } from '../deps';
import { CheckoutErrorCode } from '../errors';
import { stepKeys } from '../keys';
import { remoteRefusal, unavailable, type StepOutcome } from './outcome';

export function discountIds(checkout: CheckoutRow): string[] {
  return [...new Set(checkout.plan.cart.discountApplications.map((d) => d.discountId))];
}

export async function reserveDiscounts(deps: CheckoutDeps, checkout: CheckoutRow): Promise<StepOutcome> {
  const ids = discountIds(checkout);
  if (ids.length === 0) return { ok: true, record: { none: true } };
  const result = await deps.promotions.call({}, DiscountRedemptionReserve, {
    input: {
      key: stepKeys(checkout.id).discounts,
      discountIds: ids,
      customerId: checkout.plan.cart.customerId,
      orderReference: `checkout:${checkout.id}`,
      ttlSeconds: deps.holdSeconds,
    },
  });
  if (result.ok) return { ok: true, record: { discountIds: ids } };
  if (result.reason === 'UNAVAILABLE') return unavailable('promotions');
  return remoteRefusal(result.userErrors, ['cartId'], CheckoutErrorCode.DISCOUNT_UNAVAILABLE);
}

/** Gives the uses back; true when none is held under the checkout's key any more. */
export async function releaseDiscounts(deps: CheckoutDeps, checkout: CheckoutRow): Promise<boolean> {
  if (discountIds(checkout).length === 0) return true;
  const result = await deps.promotions.call({}, DiscountRedemptionRelease, { key: stepKeys(checkout.id).discounts });
  if (result.ok) return true;
  if (result.reason === 'UNAVAILABLE') return false;
  return result.userErrors.every((e) => e.code === PromotionsCommandErrorCode.NOT_FOUND);
}
