/**
 * Per-rule checks that do not depend on other discounts. The first failing check is reported, in
 * the order a customer can act on least to most: a dead or foreign code first, then limits, then
 * what is in the basket (an item that is not there at all before a minimum that is not met).
 */
import type { Ineligibility } from './rejection';
import type { DiscountRule, EvaluationInput } from './types';

/** Null when `rule` may apply to `input`; otherwise why not. `targeted` are its line indexes. */
export function checkEligibility(rule: DiscountRule, input: EvaluationInput, targeted: readonly number[]): Ineligibility | null {
  const now = input.now.getTime();
  if (!rule.active) return { reason: 'INACTIVE' };
  if (rule.startsAt !== null && rule.startsAt.getTime() > now) {
    return { reason: 'NOT_STARTED', startsAt: rule.startsAt };
  }
  // The end is exclusive: a sale that "ends at midnight" is over at midnight.
  if (rule.endsAt !== null && rule.endsAt.getTime() <= now) return { reason: 'EXPIRED', endsAt: rule.endsAt };
  if (rule.channels.length > 0 && !rule.channels.includes(input.channel)) {
    return { reason: 'NOT_FOR_CHANNEL', channel: input.channel };
  }
  if (rule.segmentIds.length > 0 && !rule.segmentIds.some((id) => input.customer.segmentIds.includes(id))) {
    return { reason: 'NOT_FOR_CUSTOMER' };
  }
  if (rule.usageLimit !== null && rule.usageCount >= rule.usageLimit) {
    return { reason: 'USAGE_LIMIT_REACHED', perCustomer: false };
  }
  // A guest's uses cannot be counted, so a per-customer limit would not hold for guests.
  if (rule.usageLimitPerCustomer !== null && input.customer.id === null) return { reason: 'CUSTOMER_REQUIRED' };
  if (rule.usageLimitPerCustomer !== null && rule.customerUsageCount >= rule.usageLimitPerCustomer) {
    return { reason: 'USAGE_LIMIT_REACHED', perCustomer: true };
  }
  if (targeted.length === 0) return { reason: 'NOT_APPLICABLE', noTargetedLine: true };
  let subtotalMinor = 0;
  let quantity = 0;
  for (const index of targeted) {
    const line = input.lines[index];
    subtotalMinor += line.quantity * line.unitPriceMinor;
    quantity += line.quantity;
  }
  if (rule.minimumSubtotalMinor !== null && subtotalMinor < rule.minimumSubtotalMinor) {
    return { reason: 'MINIMUM_NOT_MET', minimumSubtotalMinor: rule.minimumSubtotalMinor, subtotalMinor };
  }
  if (rule.minimumQuantity !== null && quantity < rule.minimumQuantity) {
    return { reason: 'MINIMUM_NOT_MET', minimumQuantity: rule.minimumQuantity, quantity };
  }
  return null;
}
