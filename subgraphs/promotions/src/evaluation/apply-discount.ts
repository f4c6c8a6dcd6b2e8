/**
 * The amount one discount takes off what is left of the basket, as per-line amounts (or a
 * shipping amount). Every amount is capped by what remains, so a discount applied after others
 * can shrink to nothing but never drive a line or the shipping below zero.
 */
import { allocate } from './allocate';
import { buyXGetYAmounts } from './buy-x-get-y';
import { percentOf } from './money';
import type { DiscountValue, EvaluationLine } from './types';

/** What one discount took: per line (indexed like the basket), off shipping, and in total. */
export interface Effect {
  lineAmounts: number[];
  shippingMinor: number;
  amountMinor: number;
}

/** The basket as left by the discounts applied so far. */
export interface Remaining {
  lines: readonly number[];
  shippingMinor: number;
}

/** `value` applied to the `targeted` lines of `remaining`; does not change `remaining`. */
export function applyDiscount(
  value: DiscountValue,
  lines: readonly EvaluationLine[],
  targeted: readonly number[],
  remaining: Remaining,
): Effect {
  if (value.type === 'FREE_SHIPPING') {
    const cap = value.maxAmountMinor ?? Number.POSITIVE_INFINITY;
    const shippingMinor = Math.min(remaining.shippingMinor, cap);
    return { lineAmounts: lines.map(() => 0), shippingMinor, amountMinor: shippingMinor };
  }
  const lineAmounts =
    value.type === 'BUY_X_GET_Y'
      ? buyXGetYAmounts(value, lines, targeted, remaining.lines)
      : value.scope === 'ORDER'
        ? orderAmounts(value, lines, targeted, remaining.lines)
        : itemAmounts(value, lines, targeted, remaining.lines);
  const amountMinor = lineAmounts.reduce((sum, amount) => sum + amount, 0);
  return { lineAmounts, shippingMinor: 0, amountMinor };
}

type LevelValue = Extract<DiscountValue, { type: 'PERCENTAGE' | 'FIXED_AMOUNT' }>;

/** Item-level: rounded per line, so each line's discount is what its own price implies. */
function itemAmounts(
  value: LevelValue,
  lines: readonly EvaluationLine[],
  targeted: readonly number[],
  remaining: readonly number[],
): number[] {
  const amounts = lines.map(() => 0);
  for (const index of targeted) {
    amounts[index] =
      value.type === 'PERCENTAGE'
        ? percentOf(remaining[index], value.basisPoints)
        : Math.min(value.amountMinor * lines[index].quantity, remaining[index]);
  }
  return amounts;
}

/** Order-level: one amount on the targeted remaining subtotal, then split exactly across lines. */
function orderAmounts(
  value: LevelValue,
  lines: readonly EvaluationLine[],
  targeted: readonly number[],
  remaining: readonly number[],
): number[] {
  const weights = targeted.map((index) => remaining[index]);
  const subtotal = weights.reduce((sum, weight) => sum + weight, 0);
  const amount = value.type === 'PERCENTAGE' ? percentOf(subtotal, value.basisPoints) : Math.min(value.amountMinor, subtotal);
  const parts = allocate(amount, weights);
  const amounts = lines.map(() => 0);
  targeted.forEach((index, i) => {
    amounts[index] = parts[i];
  });
  return amounts;
}
