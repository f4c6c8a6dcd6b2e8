/** Step (the whole order): give the order's discount uses back, so the codes can be used again. */
import { DiscountRedemptionReturn } from '#contracts/promotions';
import { stepKeys } from '../../checkout/keys';
import type { CancellationRow } from '../cancellation-row';
import type { CancellationDeps } from '../deps';
import type { StepRecord } from './stock';

export async function returnDiscountUses(deps: CancellationDeps, row: CancellationRow): Promise<StepRecord> {
  const checkoutId = row.plan.checkoutId;
  if (!checkoutId) return { none: true };
  const result = await deps.promotions.call({}, DiscountRedemptionReturn, { key: stepKeys(checkoutId).discounts });
  if (result.ok) return { returned: result.value.redemptions.length };
  if (result.reason === 'UNAVAILABLE') return null;
  // NOT_FOUND: the order used no discount.
  return { none: true };
}
