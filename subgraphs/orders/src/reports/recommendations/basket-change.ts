/**
 * What a change to an order's set of products does to the pair counts: pure. Placing adds the
 * order's products and every pair of them; cancelling (or refunding) a product away takes back
 * that product and every pair it was in; an order gone whole takes back everything.
 */

/** Past this many distinct products an order adds no pairs (n² rows for one order is not a signal). */
export const MAX_PRODUCTS_FOR_PAIRS = 50;

export interface BasketChange {
  /** Products whose order count changes by `sign`. */
  products: string[];
  /** Ordered pairs (both directions) whose count changes by `sign`, sorted so writers lock in one order. */
  pairs: [string, string][];
}

/** Distinct, sorted product ids. */
export function basketOf(productIds: readonly (string | null | undefined)[]): string[] {
  return [...new Set(productIds.filter((id): id is string => typeof id === 'string' && id.length > 0))].sort();
}

function pairsOf(products: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  if (products.length > MAX_PRODUCTS_FOR_PAIRS) return pairs;
  for (const a of products) for (const b of products) if (a !== b) pairs.add(`${a}\u0000${b}`);
  return pairs;
}

/** What is in `from` and not in `to`: the counts to take back when a basket shrinks from `from` to `to` (or to add, reversed). */
export function basketDifference(from: readonly string[], to: readonly string[]): BasketChange {
  const kept = new Set(to);
  const keptPairs = pairsOf(basketOf(to));
  const pairs = [...pairsOf(basketOf(from))]
    .filter((pair) => !keptPairs.has(pair))
    .sort()
    .map((pair) => pair.split('\u0000') as [string, string]);
  return { products: basketOf(from).filter((p) => !kept.has(p)), pairs };
}
