/**
 * Why a discount does not apply, with the detail a customer needs to fix it ("add 12.00 more"),
 * kept apart from the wording so the checks stay free of presentation.
 */
import { formatMinor } from './money';
import type { RejectionReason, SalesChannelName } from './types';

/** A reason from the contract plus the facts its message names. */
export type Ineligibility =
  | { reason: 'UNKNOWN' }
  | { reason: 'INACTIVE' }
  | { reason: 'NOT_STARTED'; startsAt: Date }
  | { reason: 'EXPIRED'; endsAt: Date }
  | { reason: 'NOT_FOR_CHANNEL'; channel: SalesChannelName }
  | { reason: 'NOT_FOR_CUSTOMER' }
  | { reason: 'CUSTOMER_REQUIRED' }
  | { reason: 'USAGE_LIMIT_REACHED'; perCustomer: boolean }
  | { reason: 'MINIMUM_NOT_MET'; minimumSubtotalMinor: number; subtotalMinor: number }
  | { reason: 'MINIMUM_NOT_MET'; minimumQuantity: number; quantity: number }
  | { reason: 'NOT_APPLICABLE'; noTargetedLine: boolean }
  | { reason: 'NOT_COMBINABLE'; betterTitles: string[] };

/** The rejection entry for `code` as the contract reports it. */
export function rejectCode(code: string, why: Ineligibility): { code: string; reason: RejectionReason; message: string } {
  return { code, reason: why.reason, message: rejectionMessage(code, why) };
}

/** One short sentence naming the code, for the storefront to show as is. */
export function rejectionMessage(code: string, why: Ineligibility): string {
  const name = `Code "${code}"`;
  switch (why.reason) {
    case 'UNKNOWN':
      return `${name} is not a valid discount code`;
    case 'INACTIVE':
      return `${name} is no longer active`;
    case 'NOT_STARTED':
      return `${name} is not valid until ${why.startsAt.toISOString()}`;
    case 'EXPIRED':
      return `${name} expired at ${why.endsAt.toISOString()}`;
    case 'NOT_FOR_CHANNEL':
      return `${name} cannot be used on ${why.channel}`;
    case 'NOT_FOR_CUSTOMER':
      return `${name} is not available to this customer`;
    case 'CUSTOMER_REQUIRED':
      return `${name} is limited per customer: sign in to use it`;
    case 'USAGE_LIMIT_REACHED':
      return why.perCustomer
        ? `${name} has already been used the maximum number of times by this customer`
        : `${name} has reached its usage limit`;
    case 'MINIMUM_NOT_MET':
      if ('minimumSubtotalMinor' in why) {
        const [needed, now] = [formatMinor(why.minimumSubtotalMinor), formatMinor(why.subtotalMinor)];
        return `${name} needs a subtotal of at least ${needed} on eligible items (now ${now})`;
      }
      return `${name} needs at least ${why.minimumQuantity} eligible items (now ${why.quantity})`;
    case 'NOT_APPLICABLE':
      return why.noTargetedLine ? `${name} does not apply to any item in the basket` : `${name} gives no further discount on this basket`;
    case 'NOT_COMBINABLE':
      return `${name} cannot be combined with ${why.betterTitles.map((t) => `"${t}"`).join(', ')}, which ${
        why.betterTitles.length === 1 ? 'gives' : 'give'
      } a bigger discount`;
  }
}
