/**
 * "Buy X get Y" over the targeted units. Units are ranked by list price, dearest first (ties in
 * line order), and cut into groups of X+Y; in every complete group the last Y units, the
 * cheapest, get the discount. Ranking by list price rather than by what earlier discounts left
 * keeps the choice of free unit stable and explainable ("the cheapest item is free").
 *
 * Units are never expanded one by one: a line of 10,000 units is two runs (its remaining amount
 * split as evenly as possible, the extra cents on its first units), and the number of discounted
 * positions in a run is counted arithmetically.
 */
import { percentOf } from './money';
import type { EvaluationLine } from './types';

/** The fields of a BUY_X_GET_Y value the arithmetic needs. */
export interface BuyXGetY {
  buyQuantity: number;
  getQuantity: number;
  getBasisPoints: number;
}

/** Per-line amounts off (indexed like `lines`), each at most the line's remaining amount. */
export function buyXGetYAmounts(
  offer: BuyXGetY,
  lines: readonly EvaluationLine[],
  targeted: readonly number[],
  remaining: readonly number[],
): number[] {
  const amounts = lines.map(() => 0);
  const groupSize = offer.buyQuantity + offer.getQuantity;
  const units = targeted.reduce((sum, index) => sum + lines[index].quantity, 0);
  const discountedBelow = countDiscountedBelow(offer, groupSize, Math.floor(units / groupSize) * groupSize);
  const ranked = [...targeted].sort((a, b) => lines[b].unitPriceMinor - lines[a].unitPriceMinor || a - b);
  let position = 0;
  for (const index of ranked) {
    const quantity = lines[index].quantity;
    const base = Math.floor(remaining[index] / quantity);
    const withExtraCent = remaining[index] % quantity;
    const runs: [count: number, unitAmount: number][] = [
      [withExtraCent, base + 1],
      [quantity - withExtraCent, base],
    ];
    for (const [count, unitAmount] of runs) {
      const discountedUnits = discountedBelow(position + count) - discountedBelow(position);
      amounts[index] += discountedUnits * percentOf(unitAmount, offer.getBasisPoints);
      position += count;
    }
  }
  return amounts;
}

/** f(n): how many of the first n ranked positions are discounted, given the complete-group limit. */
function countDiscountedBelow(offer: BuyXGetY, groupSize: number, completeUnits: number): (n: number) => number {
  return (n) => {
    const within = Math.min(n, completeUnits);
    const groups = Math.floor(within / groupSize);
    return groups * offer.getQuantity + Math.max(0, (within % groupSize) - offer.buyQuantity);
  };
}
