/**
 * Splits an amount across lines in proportion to weights (their remaining amounts) with the
 * largest-remainder method: every part is floored, then the cents left over go one each to the
 * parts with the largest fractional remainders, ties to the earlier line. The parts therefore
 * sum exactly to the whole, and no part exceeds its weight when the amount does not exceed the
 * total weight, so an order discount can never push a line below zero.
 */
import { mulDiv } from './money';

/** Integer parts of `amountMinor` proportional to `weights`, summing exactly to `amountMinor`. */
export function allocate(amountMinor: number, weights: readonly number[]): number[] {
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (amountMinor === 0) return weights.map(() => 0);
  if (totalWeight === 0) {
    throw new RangeError(`Cannot allocate ${amountMinor} across lines that weigh nothing`);
  }
  const parts: number[] = [];
  const remainders: number[] = [];
  let leftover = amountMinor;
  for (const weight of weights) {
    const { quotient, remainder } = mulDiv(amountMinor, weight, totalWeight);
    parts.push(quotient);
    remainders.push(remainder);
    leftover -= quotient;
  }
  // Stable order by remainder, descending; equal remainders keep line order.
  const byRemainder = weights.map((_, index) => index).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let i = 0; i < leftover; i += 1) parts[byRemainder[i]] += 1;
  return parts;
}
