import { EXACT_ROUTING_LIMIT } from './fewest-packages';
import { routeOrder } from './route-order';
import type { CandidateLocation, RoutingInput, RoutingLine } from './types';
import { seededRandom } from '#platform/runtime';

const CASES = 2000;

/** An order over a few SKUs and a handful of locations; `many` goes past the exact search. */
function randomOrder(seed: number): { input: RoutingInput; distinctSkus: boolean } {
  const random = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const skus = ['A', 'B', 'C', 'D', 'E'];
  const distinctSkus = random() < 0.8;
  const lineCount = int(1, 4);
  const lines: RoutingLine[] = Array.from({ length: lineCount }, (_, i) => ({
    lineId: `line-${i}`,
    sku: distinctSkus ? skus[i] : skus[int(0, 2)],
    quantity: random() < 0.7 ? 1 : int(2, 6),
  }));
  const many = random() < 0.2;
  const locations: CandidateLocation[] = Array.from({ length: many ? int(EXACT_ROUTING_LIMIT + 1, 14) : int(0, 7) }, (_, i) => ({
    id: `loc-${i}`,
    fulfillsOnlineOrders: random() < 0.85,
    pickupEnabled: random() < 0.5,
    rank: random() < 0.6 ? null : int(1, 3),
    coordinates: random() < 0.2 ? null : { latitude: int(-60, 60) + random(), longitude: int(-170, 170) + random() },
    available: Object.fromEntries(skus.filter(() => random() < 0.5).map((sku) => [sku, int(-1, 6)])),
  }));
  const destination = random() < 0.1 ? null : { latitude: int(-60, 60), longitude: int(-170, 170) };
  return { input: { lines, locations, destination }, distinctSkus };
}

const held = (location: CandidateLocation, sku: string): number => Math.max(0, location.available[sku] ?? 0);

/** The fewest online locations that can ship every line under the split rule, by trying every subset. */
function bruteForceMinimum(input: RoutingInput): number {
  const online = input.locations.filter((l) => l.fulfillsOnlineOrders);
  const splittable = input.lines.map((line) => !online.some((l) => held(l, line.sku) >= line.quantity));
  let best = Infinity;
  for (let mask = 0; mask < 1 << online.length; mask += 1) {
    const members = online.filter((_, i) => mask & (1 << i));
    const feasible = input.lines.every((line, i) =>
      splittable[i]
        ? members.reduce((sum, l) => sum + held(l, line.sku), 0) >= line.quantity
        : members.some((l) => held(l, line.sku) >= line.quantity),
    );
    if (feasible) best = Math.min(best, members.length);
  }
  return best;
}

describe('routeOrder: invariants over random orders', () => {
  it(`ships exactly what was ordered from stock that exists, in the fewest packages, on ${CASES} seeded orders`, () => {
    let routed = 0;
    let splits = 0;
    let greedy = 0;
    for (let seed = 1; seed <= CASES; seed += 1) {
      const { input, distinctSkus } = randomOrder(seed);
      const result = routeOrder(input);
      const online = input.locations.filter((l) => l.fulfillsOnlineOrders);
      const demand = new Map<string, number>();
      for (const line of input.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
      const lacking = [...demand].flatMap(([sku, wanted]) => {
        const total = online.reduce((sum, l) => sum + held(l, sku), 0);
        return total < wanted ? [{ sku, missing: wanted - total }] : [];
      });

      // Same answer whatever order the locations arrive in.
      expect(routeOrder({ ...input, locations: [...input.locations].reverse() })).toEqual(result);
      if (!result.ok) {
        expect({ seed, shortfall: result.shortfall }).toEqual({ seed, shortfall: lacking });
        continue;
      }
      routed += 1;
      expect({ seed, lacking }).toEqual({ seed, lacking: [] });
      const ids = result.assignments.map((a) => a.locationId);
      expect(new Set(ids).size).toBe(ids.length);
      const shipped = new Map<string, number>();
      for (const assignment of result.assignments) {
        const location = online.find((l) => l.id === assignment.locationId);
        expect(location).toBeDefined();
        expect(assignment.lines.length).toBeGreaterThan(0);
        const taken = new Map<string, number>();
        for (const part of assignment.lines) {
          expect(part.quantity).toBeGreaterThan(0);
          taken.set(part.sku, (taken.get(part.sku) ?? 0) + part.quantity);
          shipped.set(part.lineId, (shipped.get(part.lineId) ?? 0) + part.quantity);
        }
        for (const [sku, units] of taken) expect(units).toBeLessThanOrEqual(held(location as CandidateLocation, sku));
      }
      for (const line of input.lines) {
        expect({ seed, line: line.lineId, shipped: shipped.get(line.lineId) }).toEqual({ seed, line: line.lineId, shipped: line.quantity });
        const pieces = result.assignments.filter((a) => a.lines.some((l) => l.lineId === line.lineId)).length;
        if (pieces > 1) splits += 1;
        if (pieces > 1 && distinctSkus) expect(online.some((l) => held(l, line.sku) >= line.quantity)).toBe(false);
      }
      const holding = online.filter((l) => input.lines.some((line) => held(l, line.sku) > 0)).length;
      if (holding > EXACT_ROUTING_LIMIT) greedy += 1;
      else if (distinctSkus) expect({ seed, packages: result.assignments.length }).toEqual({ seed, packages: bruteForceMinimum(input) });
    }
    expect(routed).toBeGreaterThan(CASES / 3);
    expect(splits).toBeGreaterThan(50);
    expect(greedy).toBeGreaterThan(40);
  });
});
