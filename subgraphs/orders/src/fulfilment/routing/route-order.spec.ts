import { routeOrder } from './route-order';
import type { CandidateLocation, Coordinates, RoutingInput, RoutingLine } from './types';
import { RoutingInputError } from './validate';

const MUNICH: Coordinates = { latitude: 48.1351, longitude: 11.582 };
/** Distances to Munich: Nuremberg 151 km, Stuttgart 191, Frankfurt 304, Leipzig 360, Berlin 504, Hamburg 612. */
const CITY = {
  nuremberg: { latitude: 49.4521, longitude: 11.0767 },
  stuttgart: { latitude: 48.7758, longitude: 9.1829 },
  frankfurt: { latitude: 50.1109, longitude: 8.6821 },
  leipzig: { latitude: 51.3397, longitude: 12.3731 },
  berlin: { latitude: 52.52, longitude: 13.405 },
  hamburg: { latitude: 53.5511, longitude: 9.9937 },
};

function at(id: keyof typeof CITY, available: Record<string, number>, overrides: Partial<CandidateLocation> = {}): CandidateLocation {
  return { id, fulfillsOnlineOrders: true, pickupEnabled: false, rank: null, coordinates: CITY[id], available, ...overrides };
}

const line = (lineId: string, sku: string, quantity = 1): RoutingLine => ({ lineId, sku, quantity });

const route = (lines: RoutingLine[], locations: CandidateLocation[], destination: Coordinates | null = MUNICH) =>
  routeOrder({ lines, locations, destination });

/** locationId → "lineId×quantity" list, for compact expectations. */
function plan(input: ReturnType<typeof route>): [string, string[]][] {
  if (!input.ok) throw new Error(`expected a plan, got a shortfall ${JSON.stringify(input.shortfall)}`);
  return input.assignments.map((a) => [a.locationId, a.lines.map((l) => `${l.lineId}×${l.quantity}`)]);
}

describe('routeOrder: fewest packages', () => {
  const lines = [line('mug', 'MUG'), line('tee', 'TEE', 2), line('cap', 'CAP')];

  it('ships three lines that no location holds together in two packages, not three', () => {
    const result = route(lines, [
      at('nuremberg', { MUG: 5 }),
      at('stuttgart', { CAP: 5 }),
      at('frankfurt', { TEE: 2, CAP: 1 }),
      at('hamburg', { MUG: 1, TEE: 9 }),
      // Holds everything, but does not ship online orders.
      at('leipzig', { MUG: 9, TEE: 9, CAP: 9 }, { fulfillsOnlineOrders: false, pickupEnabled: true }),
    ]);
    // Nearest first would take Nuremberg, Stuttgart and Frankfurt: three packages.
    expect(plan(result)).toEqual([
      ['nuremberg', ['mug×1']],
      ['frankfurt', ['tee×2', 'cap×1']],
    ]);
  });

  it('prefers one location holding every line to closer ones holding part', () => {
    const result = route(lines, [
      at('nuremberg', { MUG: 5, TEE: 5 }),
      at('stuttgart', { CAP: 5 }),
      at('hamburg', { MUG: 1, TEE: 2, CAP: 1 }),
    ]);
    expect(plan(result)).toEqual([['hamburg', ['mug×1', 'tee×2', 'cap×1']]]);
  });

  it('prefers one package to the managers’ top-ranked location holding part', () => {
    const result = route(lines, [at('berlin', { MUG: 9, TEE: 9 }, { rank: 1 }), at('hamburg', { MUG: 1, TEE: 2, CAP: 1 })]);
    expect(plan(result)).toEqual([['hamburg', ['mug×1', 'tee×2', 'cap×1']]]);
  });

  it('routes an empty order to no package', () => {
    expect(route([], [at('berlin', {})])).toEqual({ ok: true, assignments: [] });
  });
});

describe('routeOrder: ties', () => {
  const lines = [line('mug', 'MUG'), line('tee', 'TEE')];
  const everything = { MUG: 1, TEE: 1 };

  it('breaks a tie by distance to the destination', () => {
    const result = route(lines, [at('berlin', everything), at('nuremberg', everything), at('hamburg', everything)]);
    expect(plan(result)).toEqual([['nuremberg', ['mug×1', 'tee×1']]]);
  });

  it('puts a location without coordinates after those with, and falls back to id without a destination', () => {
    const unknown = { ...at('berlin', everything), id: 'a-unknown', coordinates: null };
    expect(plan(route(lines, [unknown, at('hamburg', everything)]))[0][0]).toBe('hamburg');
    expect(plan(route(lines, [at('hamburg', everything), at('berlin', everything)], null))[0][0]).toBe('berlin');
  });

  it('lets the managers’ ranking override distance, ranked before unranked', () => {
    const ranked = route(lines, [
      at('nuremberg', everything),
      at('berlin', everything, { rank: 2 }),
      at('hamburg', everything, { rank: 1 }),
    ]);
    expect(plan(ranked)[0][0]).toBe('hamburg');
    const oneRanked = route(lines, [at('nuremberg', everything), at('berlin', everything, { rank: 7 })]);
    expect(plan(oneRanked)[0][0]).toBe('berlin');
  });

  it('sends each line of a two-package plan to the most preferred member that holds it', () => {
    // Both Stuttgart and Frankfurt hold the cap; Stuttgart is closer.
    const result = route(
      [line('mug', 'MUG'), line('cap', 'CAP')],
      [at('frankfurt', { MUG: 1, CAP: 1 }, { rank: 2 }), at('stuttgart', { CAP: 1 }, { rank: 1 })],
    );
    expect(plan(result)).toEqual([['frankfurt', ['mug×1', 'cap×1']]]);
    const split = route(
      [line('mug', 'MUG'), line('cap', 'CAP'), line('tee', 'TEE')],
      [at('frankfurt', { MUG: 1, CAP: 1 }), at('stuttgart', { CAP: 1, TEE: 1 })],
    );
    expect(plan(split)).toEqual([
      ['stuttgart', ['cap×1', 'tee×1']],
      ['frankfurt', ['mug×1']],
    ]);
  });
});

describe('routeOrder: shortfall', () => {
  it('reports what the online locations lack between them, per SKU, summing lines of one SKU', () => {
    const result = route(
      [line('a', 'TEE', 3), line('b', 'TEE', 2), line('c', 'MUG'), line('d', 'CAP')],
      [
        at('berlin', { TEE: 2, MUG: -3, CAP: 1 }),
        at('hamburg', { TEE: 1 }),
        at('leipzig', { TEE: 10, MUG: 10 }, { fulfillsOnlineOrders: false }),
      ],
    );
    expect(result).toEqual({
      ok: false,
      shortfall: [
        { sku: 'TEE', missing: 2 },
        { sku: 'MUG', missing: 1 },
      ],
    });
  });

  it('reports everything missing when no location ships online', () => {
    expect(route([line('a', 'TEE', 4)], [])).toEqual({ ok: false, shortfall: [{ sku: 'TEE', missing: 4 }] });
  });
});

describe('routeOrder: splitting a line', () => {
  it('splits a line no location holds whole, the preferred location giving all it has', () => {
    const result = route([line('tee', 'TEE', 5)], [at('berlin', { TEE: 4 }), at('nuremberg', { TEE: 3 })]);
    expect(plan(result)).toEqual([
      ['nuremberg', ['tee×3']],
      ['berlin', ['tee×2']],
    ]);
  });

  it('keeps a line whole when one location holds it, even at the cost of a package', () => {
    // Splitting the tees over Stuttgart and Frankfurt would ship in two packages; Hamburg holds all five.
    const result = route(
      [line('tee', 'TEE', 5), line('mug', 'MUG'), line('cap', 'CAP')],
      [at('hamburg', { TEE: 5 }), at('stuttgart', { TEE: 3, MUG: 1 }), at('frankfurt', { TEE: 2, CAP: 1 })],
    );
    expect(plan(result)).toEqual([
      ['stuttgart', ['mug×1']],
      ['frankfurt', ['cap×1']],
      ['hamburg', ['tee×5']],
    ]);
  });

  it('splits a line whose SKU another line of the order already took', () => {
    const result = route([line('a', 'TEE', 3), line('b', 'TEE', 3)], [at('nuremberg', { TEE: 4 }), at('berlin', { TEE: 2 })]);
    expect(plan(result)).toEqual([
      ['nuremberg', ['a×3', 'b×1']],
      ['berlin', ['b×2']],
    ]);
  });
});

describe('routeOrder: beyond the exact search', () => {
  const many = (count: number, available: (i: number) => Record<string, number>): CandidateLocation[] =>
    Array.from({ length: count }, (_, i) => ({
      ...at('berlin', available(i)),
      id: `store-${String(i).padStart(2, '0')}`,
      coordinates: null,
    }));

  it('still finds the one location holding everything', () => {
    const locations = many(12, (i) => (i === 9 ? { A: 1, B: 1, C: 1 } : { [['A', 'B', 'C'][i % 3]]: 1 }));
    expect(plan(route([line('a', 'A'), line('b', 'B'), line('c', 'C')], locations))).toEqual([['store-09', ['a×1', 'b×1', 'c×1']]]);
  });

  it('covers greedily, taking the location that completes the most lines first', () => {
    const locations = many(12, (i): Record<string, number> =>
      i === 10 ? { A: 1, B: 1, C: 1 } : i === 11 ? { D: 1 } : { [['A', 'B', 'C', 'D'][i % 4]]: 1 },
    );
    const lines = [line('a', 'A'), line('b', 'B'), line('c', 'C'), line('d', 'D')];
    expect(plan(route(lines, locations))).toEqual([
      ['store-03', ['d×1']],
      ['store-10', ['a×1', 'b×1', 'c×1']],
    ]);
  });
});

describe('routeOrder: malformed input is thrown with a code', () => {
  const base: RoutingInput = { lines: [line('a', 'A')], locations: [at('berlin', { A: 1 })], destination: MUNICH };
  it.each([
    ['a fractional quantity', { ...base, lines: [line('a', 'A', 1.5)] }, /quantity/],
    ['a zero quantity', { ...base, lines: [line('a', 'A', 0)] }, /quantity/],
    ['a line id used twice', { ...base, lines: [line('a', 'A'), line('a', 'B')] }, /line id a appears twice/],
    ['a location id used twice', { ...base, locations: [at('berlin', {}), at('berlin', {})] }, /location id berlin appears twice/],
    ['fractional stock', { ...base, locations: [at('berlin', { A: 0.5 })] }, /not a whole number/],
    ['a latitude off the globe', { ...base, destination: { latitude: 91, longitude: 0 } }, /off the globe/],
    ['a NaN longitude', { ...base, locations: [at('berlin', {}, { coordinates: { latitude: 0, longitude: NaN } })] }, /off the globe/],
    ['a NaN rank', { ...base, locations: [at('berlin', {}, { rank: NaN })] }, /rank/],
  ] as [string, RoutingInput, RegExp][])('rejects %s', (_, input, message) => {
    expect(() => routeOrder(input)).toThrow(RoutingInputError);
    expect(() => routeOrder(input)).toThrow(message);
  });
});
