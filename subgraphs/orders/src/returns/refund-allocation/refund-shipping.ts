/**
 * Shipping is refunded whole: all that remains of it. Should part of it have been refunded
 * already, the tax of that part is taken as floor(tax × refunded / amount), the same floor rule
 * as for units with the cent as the unit, so shipping's refund tax still sums to its tax.
 */
import { shareOfFirst } from './unit-share';
import type { RefundableShipping, ShippingRefund } from './types';
import { assertRefundableShipping } from './validate';

/** What remains of `shipping`, and the tax inside it. */
export function refundShipping(shipping: RefundableShipping): ShippingRefund {
  assertRefundableShipping(shipping);
  const { amountMinor, taxMinor, alreadyRefundedMinor } = shipping;
  if (amountMinor === 0) return { amountMinor: 0, taxMinor: 0 };
  return {
    amountMinor: amountMinor - alreadyRefundedMinor,
    taxMinor: taxMinor - shareOfFirst(taxMinor, alreadyRefundedMinor, amountMinor),
  };
}
