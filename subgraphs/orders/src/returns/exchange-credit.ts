/**
 * What the returned units of a return are worth toward an exchange: exactly their refund (k of a
 * line's n units give back k/n of what was paid for it, after its cancelled and refunded units),
 * so exchanging and refunding give the same money. Pure.
 */
import type { OrderLine, ReturnLineData } from '../entities';
import { planRefund, shareOfFirst } from './refund-allocation';

export interface CreditUnits {
  orderLineId: string;
  quantity: number;
}

/** Per order line, the units of the return that count: all but those found missing (received or still to come). */
export function expectedUnits(lines: readonly ReturnLineData[]): CreditUnits[] {
  return merge(lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity - l.missing })));
}

/** Per order line, the units the store received (restocked or damaged). */
export function receivedUnits(lines: readonly ReturnLineData[]): CreditUnits[] {
  return merge(lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.restocked + l.damaged })));
}

function merge(units: CreditUnits[]): CreditUnits[] {
  const byLine = new Map<string, number>();
  for (const u of units) byLine.set(u.orderLineId, (byLine.get(u.orderLineId) ?? 0) + u.quantity);
  return [...byLine].filter(([, quantity]) => quantity > 0).map(([orderLineId, quantity]) => ({ orderLineId, quantity }));
}

/** What `units` give back, taken after each line's cancelled and refunded units. */
export function unitsValue(orderLines: readonly OrderLine[], units: readonly CreditUnits[]): number {
  if (units.length === 0) return 0;
  const named = orderLines.filter((l) => units.some((u) => u.orderLineId === l.id));
  return planRefund({
    lines: named.map((l) => ({
      lineId: l.id,
      quantity: l.quantity,
      subtotalMinor: l.subtotalMinor,
      discountMinor: l.discountMinor,
      taxMinor: l.taxMinor,
      totalMinor: l.totalMinor,
      alreadyRefundedQuantity: l.quantityCancelled + l.quantityRefunded,
      alreadyRefundedMinor: shareOfFirst(l.totalMinor, l.quantityCancelled + l.quantityRefunded, l.quantity),
    })),
    refund: units.map((u) => ({ lineId: u.orderLineId, quantity: u.quantity })),
    shipping: null,
  }).totalMinor;
}
