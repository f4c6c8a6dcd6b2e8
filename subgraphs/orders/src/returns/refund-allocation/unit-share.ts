/**
 * The share of a line's amount that some of its units carry. The first u of n units carry
 * floor(amount × u / n) and all n carry the whole amount, so the last units take what the floors
 * left; a refund of units before+1 … before+k is the difference of two such shares, and any way
 * of refunding a line one batch after another sums exactly to the amount.
 */

/** floor(amountMinor × units / quantity): what the first `units` of `quantity` carry (exact, in BigInt). */
export function shareOfFirst(amountMinor: number, units: number, quantity: number): number {
  return Number((BigInt(amountMinor) * BigInt(units)) / BigInt(quantity));
}

/** What units `before` + 1 to `before` + `count` of `quantity` carry of `amountMinor`. */
export function shareOfUnits(amountMinor: number, quantity: number, before: number, count: number): number {
  return shareOfFirst(amountMinor, before + count, quantity) - shareOfFirst(amountMinor, before, quantity);
}
