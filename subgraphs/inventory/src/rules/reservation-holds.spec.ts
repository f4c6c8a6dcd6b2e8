import { ReservationStatus } from '../entities/stock-enums';
import { addToHold, mergeLines, settledStatus, takeFromHold } from './reservation-holds';

const held = [
  { sku: 'A', locationId: 'L1', quantity: 2 },
  { sku: 'A', locationId: 'L2', quantity: 1 },
  { sku: 'B', locationId: 'L1', quantity: 1 },
];

describe('takeFromHold', () => {
  it('takes units at one location only, dropping lines that reach zero', () => {
    expect(takeFromHold(held, 'L1', [{ sku: 'A', quantity: 2 }])).toEqual({
      ok: true,
      left: [
        { sku: 'A', locationId: 'L2', quantity: 1 },
        { sku: 'B', locationId: 'L1', quantity: 1 },
      ],
    });
  });

  it('names every line the location cannot cover and takes nothing', () => {
    expect(
      takeFromHold(held, 'L2', [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 1 },
        { sku: 'A', quantity: 0 },
      ]),
    ).toEqual({ ok: false, short: [{ index: 1, sku: 'B', held: 0, requested: 1 }] });
    expect(takeFromHold(held, 'L1', [{ sku: 'A', quantity: 3 }])).toMatchObject({ ok: false, short: [{ held: 2, requested: 3 }] });
  });
});

describe('addToHold and mergeLines', () => {
  it('keeps one line per SKU and location', () => {
    expect(
      addToHold(held, 'L2', [
        { sku: 'A', quantity: 2 },
        { sku: 'C', quantity: 1 },
        { sku: 'D', quantity: 0 },
      ]),
    ).toEqual([
      { sku: 'A', locationId: 'L1', quantity: 2 },
      { sku: 'A', locationId: 'L2', quantity: 3 },
      { sku: 'B', locationId: 'L1', quantity: 1 },
      { sku: 'C', locationId: 'L2', quantity: 1 },
    ]);
    expect(mergeLines([...held, { sku: 'B', locationId: 'L1', quantity: 4 }])).toEqual([
      held[0],
      held[1],
      { sku: 'B', locationId: 'L1', quantity: 5 },
    ]);
  });
});

describe('settledStatus', () => {
  const base = { status: ReservationStatus.CONFIRMED, lines: [], fulfilled: [], inTransit: [] };

  it('stays while anything is held or on the way', () => {
    expect(settledStatus({ ...base, lines: held })).toBe(ReservationStatus.CONFIRMED);
    expect(settledStatus({ ...base, inTransit: [{ quantity: 1 }] })).toBe(ReservationStatus.CONFIRMED);
  });

  it('is COMMITTED once empty if anything was sold, RELEASED otherwise', () => {
    expect(settledStatus({ ...base, fulfilled: [held[0]] })).toBe(ReservationStatus.COMMITTED);
    expect(settledStatus(base)).toBe(ReservationStatus.RELEASED);
  });
});
