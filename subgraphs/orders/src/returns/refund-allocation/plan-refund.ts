/** A whole refund: the requested units of each line, and shipping when it is refunded too. */
import { refundLine } from './refund-line';
import { refundShipping } from './refund-shipping';
import type { RefundInput, RefundPlan } from './types';
import { RefundInputError } from './validate';

/** The money `input` gives back, line by line. Throws RefundInputError on a line that is not there or asked for twice. */
export function planRefund(input: RefundInput): RefundPlan {
  const byId = new Map(input.lines.map((line) => [line.lineId, line]));
  const seen = new Set<string>();
  const lines = input.refund.map(({ lineId, quantity }) => {
    const line = byId.get(lineId);
    if (line === undefined) throw new RefundInputError(`line ${lineId} is not in the order`);
    if (seen.has(lineId)) throw new RefundInputError(`line ${lineId} is asked for twice`);
    seen.add(lineId);
    return refundLine(line, quantity);
  });
  const shipping = input.shipping === null ? { amountMinor: 0, taxMinor: 0 } : refundShipping(input.shipping);
  return {
    lines,
    shipping,
    totalMinor: lines.reduce((sum, line) => sum + line.amountMinor, shipping.amountMinor),
    taxTotalMinor: lines.reduce((sum, line) => sum + line.taxMinor, shipping.taxMinor),
  };
}
