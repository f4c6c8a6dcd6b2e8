import { mulDiv, mulDivHalfUp } from './money';
import { taxOn } from './tax';

describe('taxOn', () => {
  it('extracts the tax inside an inclusive price: 119.00 at 19% holds 19.00, 107.00 at 7% holds 7.00', () => {
    expect(taxOn(11_900, 1900, true)).toBe(1900);
    expect(taxOn(10_700, 700, true)).toBe(700);
  });

  it('adds tax on top of an exclusive price: 100.00 at 19% is 19.00, at 7% is 7.00', () => {
    expect(taxOn(10_000, 1900, false)).toBe(1900);
    expect(taxOn(10_000, 700, false)).toBe(700);
  });

  it('rounds exactly half a cent up, not to even', () => {
    expect(taxOn(150, 1900, false)).toBe(29); // 28.5; banker's rounding would give 28
    expect(taxOn(50, 700, false)).toBe(4); // 3.5
    expect(taxOn(50, 1900, false)).toBe(10); // 9.5
    expect(taxOn(15, 2000, true)).toBe(3); // 15 × 2000 / 12000 = 2.5; to even would give 2
    expect(taxOn(3, 2000, true)).toBe(1); // 0.5
  });

  it('rounds less than half down and more than half up', () => {
    expect(taxOn(149, 1900, false)).toBe(28); // 28.31
    expect(taxOn(14, 2000, true)).toBe(2); // 2.33
    expect(taxOn(16, 2000, true)).toBe(3); // 2.67
    expect(taxOn(100, 1900, true)).toBe(16); // 15.97
  });

  it('taxes nothing at 0% and nothing on nothing', () => {
    expect(taxOn(12_345, 0, true)).toBe(0);
    expect(taxOn(12_345, 0, false)).toBe(0);
    expect(taxOn(0, 1900, true)).toBe(0);
  });

  it('is exact on the largest line: 999 units at 10,000,000.00 including 19%', () => {
    // 999e9 × 19 / 119 = 159504201680.67
    expect(taxOn(999_000_000_000, 1900, true)).toBe(159_504_201_681);
    expect(taxOn(999_999_999_999, 10_000, true)).toBe(500_000_000_000); // 499999999999.5 rounds up
  });
});

describe('mulDiv', () => {
  it('stays exact where the product passes 2^53 and a double would be a unit off', () => {
    // In doubles Math.floor(a * b / c) gives 998999999002.
    expect(mulDiv(999_000_000_001, 999_999_999, 1_000_000_000)).toEqual({ quotient: 998_999_999_001, remainder: 999_999_999 });
    expect(mulDiv(123_456_789_012, 987_654_321, 1_000_000_007)).toEqual({ quotient: 121_932_630_270, remainder: 958_708_962 });
  });

  it('gives the floor and remainder of small products', () => {
    expect(mulDiv(7, 3, 2)).toEqual({ quotient: 10, remainder: 1 });
    expect(mulDiv(0, 3, 2)).toEqual({ quotient: 0, remainder: 0 });
    expect(mulDivHalfUp(7, 3, 2)).toBe(11);
    expect(mulDivHalfUp(7, 3, 4)).toBe(5); // 5.25
  });
});
