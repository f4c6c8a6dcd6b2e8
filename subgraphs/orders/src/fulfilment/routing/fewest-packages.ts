/**
 * The set of locations that ships the order in the fewest packages. Among sets of that size the
 * preferred one is the one whose members, listed from most to least preferred, come first
 * lexicographically: a set holding the best location beats any set without it.
 *
 * With at most EXACT_ROUTING_LIMIT locations holding anything the order needs, every set is
 * tried by size (at most 2^8), in that lexicographic order, so the first that can ship the
 * order is the answer. Beyond it, a location holding everything is still found exactly;
 * otherwise the set is built greedily (classic set cover: each step adds the location that
 * completes the most lines, then places the most units, then is preferred), which can use a
 * package more than the optimum on unusual stock layouts.
 */
import { placeLines, type Placement } from './place-lines';
import type { CandidateLocation, RoutingLine } from './types';

/** Above this many locations holding something the order needs, the search is greedy. */
export const EXACT_ROUTING_LIMIT = 8;

/** The placement from the fewest of `ranked` (most preferred first), or null when no set can ship the order whole. */
export function fewestPackages(
  ranked: readonly CandidateLocation[],
  lines: readonly RoutingLine[],
  splittable: readonly boolean[],
): Placement | null {
  if (ranked.length <= EXACT_ROUTING_LIMIT) return exactSearch(ranked, lines, splittable);
  for (const location of ranked) {
    const alone = placeLines([location], lines, splittable);
    if (alone.complete) return alone;
  }
  return greedySearch(ranked, lines, splittable);
}

function exactSearch(
  ranked: readonly CandidateLocation[],
  lines: readonly RoutingLine[],
  splittable: readonly boolean[],
): Placement | null {
  for (let size = 0; size <= ranked.length; size += 1) {
    for (const members of combinations(ranked, size)) {
      const placement = placeLines(members, lines, splittable);
      if (placement.complete) return placement;
    }
  }
  return null;
}

/** The `size`-element subsets of `items`, each in item order, in lexicographic order of positions. */
function* combinations<T>(items: readonly T[], size: number, from = 0, chosen: T[] = []): Generator<T[]> {
  if (chosen.length === size) {
    yield [...chosen];
    return;
  }
  for (let i = from; i <= items.length - (size - chosen.length); i += 1) {
    chosen.push(items[i]);
    yield* combinations(items, size, i + 1, chosen);
    chosen.pop();
  }
}

function greedySearch(
  ranked: readonly CandidateLocation[],
  lines: readonly RoutingLine[],
  splittable: readonly boolean[],
): Placement | null {
  const chosen = new Set<number>();
  let current = placeLines([], lines, splittable);
  while (!current.complete) {
    let best: { index: number; placement: Placement } | null = null;
    for (let index = 0; index < ranked.length; index += 1) {
      if (chosen.has(index)) continue;
      const members = ranked.filter((_, i) => chosen.has(i) || i === index);
      const placement = placeLines(members, lines, splittable);
      const progress = placement.completeLines > current.completeLines || placement.placedUnits > current.placedUnits;
      if (progress && (best === null || isBetter(placement, best.placement))) best = { index, placement };
    }
    if (best === null) return null;
    chosen.add(best.index);
    current = best.placement;
  }
  return current;
}

/** More complete lines, then more units; equal ones keep the earlier (preferred) location. */
function isBetter(a: Placement, b: Placement): boolean {
  return a.completeLines !== b.completeLines ? a.completeLines > b.completeLines : a.placedUnits > b.placedUnits;
}
