/**
 * Fills the order from a fixed set of locations, most preferred first: every line goes whole
 * to the first location that can send it whole; a line no location of the set can send whole
 * is split across the set, in the same order, when it may be split at all. Whole lines are
 * placed before split ones so that a split never takes the units a whole line needed.
 */
import { availableAt } from './shortfall';
import type { Assignment, CandidateLocation, RoutingLine } from './types';

/** What a set of locations can do for the order. */
export interface Placement {
  /** The packages, one per location that received something, in the set's order. */
  assignments: Assignment[];
  /** Lines whose whole quantity is placed. */
  completeLines: number;
  /** Units placed, whole or split. */
  placedUnits: number;
  complete: boolean;
}

/** The order's lines placed on `members` (in preference order); `splittable[i]` says whether line i may be split. */
export function placeLines(
  members: readonly CandidateLocation[],
  lines: readonly RoutingLine[],
  splittable: readonly boolean[],
): Placement {
  const used = members.map(() => new Map<string, number>());
  const parts: { index: number; quantity: number }[][] = members.map(() => []);
  const left = (member: number, sku: string): number => availableAt(members[member], sku) - (used[member].get(sku) ?? 0);
  const take = (member: number, index: number, quantity: number): void => {
    const { sku } = lines[index];
    used[member].set(sku, (used[member].get(sku) ?? 0) + quantity);
    parts[member].push({ index, quantity });
  };

  let completeLines = 0;
  let placedUnits = 0;
  const notWhole: number[] = [];
  lines.forEach((line, index) => {
    const member = members.findIndex((_, m) => left(m, line.sku) >= line.quantity);
    if (member < 0) {
      notWhole.push(index);
      return;
    }
    take(member, index, line.quantity);
    completeLines += 1;
    placedUnits += line.quantity;
  });
  for (const index of notWhole) {
    if (!splittable[index]) continue;
    let wanted = lines[index].quantity;
    for (let member = 0; member < members.length && wanted > 0; member += 1) {
      const quantity = Math.min(wanted, left(member, lines[index].sku));
      if (quantity <= 0) continue;
      take(member, index, quantity);
      wanted -= quantity;
      placedUnits += quantity;
    }
    if (wanted === 0) completeLines += 1;
  }

  const assignments = members.flatMap((member, m) =>
    parts[m].length === 0
      ? []
      : [
          {
            locationId: member.id,
            lines: [...parts[m]]
              .sort((a, b) => a.index - b.index)
              .map(({ index, quantity }) => ({ lineId: lines[index].lineId, sku: lines[index].sku, quantity })),
          },
        ],
  );
  return { assignments, completeLines, placedUnits, complete: completeLines === lines.length };
}
