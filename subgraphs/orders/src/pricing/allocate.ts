/**
 * Splits an amount across parts in proportion to weights with the largest-remainder method:
 * every share is floored, then the units left over go one each to the largest fractional
 * remainders, equal remainders to the earlier index. The shares sum exactly to the amount, the
 * answer depends only on the input, and no share exceeds its weight while the amount does not
 * exceed the total weight. Order discounts, refunds and POS manual discounts use it.
 */
import { mulDiv } from './money';

/** Integer shares of `amountMinor` proportional to `weights`, summing exactly to it. Throws RangeError on bad input. */
export function allocate(amountMinor: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError(`Cannot allocate ${amountMinor}`);
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`Weight ${weight} is not a non-negative integer`);
  }
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (!Number.isSafeInteger(totalWeight)) throw new RangeError('Weights sum past 2^53');
  if (amountMinor === 0) return weights.map(() => 0);
  if (totalWeight === 0) throw new RangeError(`Cannot allocate ${amountMinor} over weights that are all zero`);

  const shares: number[] = [];
  const remainders: number[] = [];
  let leftover = amountMinor;
  for (const weight of weights) {
    const { quotient, remainder } = mulDiv(amountMinor, weight, totalWeight);
    shares.push(quotient);
    remainders.push(remainder);
    leftover -= quotient;
  }
  // leftover < weights.length: each floor lost less than one unit.
  const byRemainder = weights.map((_, index) => index).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let i = 0; i < leftover; i += 1) shares[byRemainder[i]] += 1;
  return shares;
}
