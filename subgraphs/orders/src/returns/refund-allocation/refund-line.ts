/**
 * Money back for some units of one line: k/n of what was paid for it (price − allocated
 * discounts, tax included), floored for all but the last units, which take the remainder. The
 * tax inside is shared the same way, so refund tax lines add up to the tax the order recorded.
 */
import { shareOfUnits } from './unit-share';
import type { LineRefund, RefundableLine } from './types';
import { assertRefundableUnits } from './validate';

/** The refund for the next `quantity` units of `line`. Throws RefundInputError when they are not there to refund. */
export function refundLine(line: RefundableLine, quantity: number): LineRefund {
  assertRefundableUnits(line, quantity);
  const before = line.alreadyRefundedQuantity;
  return {
    lineId: line.lineId,
    quantity,
    amountMinor: shareOfUnits(line.totalMinor, line.quantity, before, quantity),
    taxMinor: shareOfUnits(line.taxMinor, line.quantity, before, quantity),
  };
}
