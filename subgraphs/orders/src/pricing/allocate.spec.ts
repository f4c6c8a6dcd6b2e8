import { allocate } from './allocate';

describe('allocate', () => {
  it('splits 20% of 150.00 + 60.00 as 30.00 and 12.00', () => {
    expect(allocate(4200, [15_000, 6000])).toEqual([3000, 1200]);
  });

  it('gives the unit that does not divide to the earliest of equal weights', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(200, [1, 1, 1])).toEqual([67, 67, 66]);
  });

  it('hands leftover units to the largest remainders, ties by index', () => {
    // Exact shares 0.5, 1, 1.5, 2: floors give 4, the fifth unit goes to the first .5.
    expect(allocate(5, [1, 2, 3, 4])).toEqual([1, 1, 1, 2]);
    // 17.90 over 119.00 and 59.97: 11.9021 and 5.9979; the spare cent goes to .9979.
    expect(allocate(1790, [11_900, 5997])).toEqual([1190, 600]);
  });

  it('gives nothing to zero weights, everything when the amount is the whole', () => {
    expect(allocate(5, [0, 10, 0])).toEqual([0, 5, 0]);
    expect(allocate(17, [5, 0, 12])).toEqual([5, 0, 12]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
    expect(allocate(0, [])).toEqual([]);
  });

  it('stays exact where amount × weight passes 2^53', () => {
    const parts = allocate(999_000_000_000, [999_000_000_000, 1, 999_000_000_000]);
    expect(parts).toEqual([499_500_000_000, 0, 499_500_000_000]);
    expect(allocate(4e15, [1e15, 3e15, 1])).toEqual([1e15, 2_999_999_999_999_999, 1]);
  });

  it('refuses what cannot be split', () => {
    expect(() => allocate(1, [0, 0])).toThrow(RangeError);
    expect(() => allocate(1, [])).toThrow(RangeError);
    expect(() => allocate(-1, [1])).toThrow(RangeError);
    expect(() => allocate(1.5, [1])).toThrow(RangeError);
    expect(() => allocate(1, [2, -1])).toThrow(RangeError);
  });
});
