import { allocate } from './allocate';
import { seededRandom } from './fixtures';
import { formatMinor, percentOf } from './money';

describe('allocate', () => {
  it('splits 33.33 over three equal lines exactly', () => {
    expect(allocate(3333, [10_000, 10_000, 10_000])).toEqual([1111, 1111, 1111]);
  });

  it('gives the cent that does not divide to the earliest of equal lines', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10_000, [3333, 3333, 3333])).toEqual([3334, 3333, 3333]);
  });

  it('hands leftover cents to the largest remainders, ties in line order', () => {
    // Exact shares 0.5, 1, 1.5, 2: floors give 4, the fifth cent goes to the first .5.
    expect(allocate(5, [1, 2, 3, 4])).toEqual([1, 1, 1, 2]);
  });

  it('gives nothing to lines with nothing left and all of it when the amount is the whole', () => {
    expect(allocate(5, [0, 10, 0])).toEqual([0, 5, 0]);
    expect(allocate(17, [5, 0, 12])).toEqual([5, 0, 12]);
    expect(allocate(0, [0, 0])).toEqual([0, 0]);
  });

  it('stays exact where amount × weight passes 2^53', () => {
    const parts = allocate(4e15, [1e15, 3e15, 1]);
    expect(parts).toEqual([1e15, 2_999_999_999_999_999, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(4e15);
  });

  it('refuses to allocate money across lines that weigh nothing', () => {
    expect(() => allocate(1, [0, 0])).toThrow(RangeError);
  });

  it('sums to the whole and never exceeds a weight, over a thousand random splits', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 1000; i += 1) {
      const weights = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * 5000));
      const total = weights.reduce((a, b) => a + b, 0);
      const amount = Math.floor(random() * (total + 1));
      const parts = allocate(amount, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
      parts.forEach((part, index) => {
        expect(Number.isInteger(part)).toBe(true);
        expect(part).toBeGreaterThanOrEqual(0);
        expect(part).toBeLessThanOrEqual(weights[index]);
      });
    }
  });
});

describe('percentOf', () => {
  it('rounds half a minor unit up and less than half down', () => {
    expect(percentOf(5, 1000)).toBe(1); // 0.5
    expect(percentOf(15, 1000)).toBe(2); // 1.5
    expect(percentOf(4, 1000)).toBe(0); // 0.4
    expect(percentOf(9, 500)).toBe(0); // 0.45
    expect(percentOf(1999, 10_000)).toBe(1999);
  });

  it('stays exact beyond 2^53', () => {
    expect(percentOf(Number.MAX_SAFE_INTEGER, 5000)).toBe(4_503_599_627_370_496);
  });
});

describe('formatMinor', () => {
  it('writes minor units with two decimals', () => {
    expect(formatMinor(5000)).toBe('50.00');
    expect(formatMinor(5)).toBe('0.05');
    expect(formatMinor(123_456)).toBe('1234.56');
  });
});
