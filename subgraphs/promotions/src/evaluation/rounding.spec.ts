import { invariantViolations } from './check-invariants';
import { evaluate } from './evaluate';
import { makeInput, makeLine, makeRule } from './fixtures';
import type { DiscountRule, DiscountValue, EvaluationResult } from './types';

function run(value: DiscountValue, linePrices: number[], quantity = 1, extra: DiscountRule[] = []): EvaluationResult {
  const rules = [...extra, makeRule({ id: 'd', value })];
  const input = makeInput({ lines: linePrices.map((price, i) => makeLine({ id: `l${i}`, quantity, unitPriceMinor: price })) });
  const result = evaluate(rules, input);
  expect(invariantViolations(rules, input, result)).toEqual([]);
  return result;
}

const shares = (result: EvaluationResult, id = 'd'): number[] =>
  result.lines.map((line) => line.allocations.find((a) => a.discountId === id)?.amountMinor ?? 0);

describe('evaluate: rounding', () => {
  it('rounds an item percentage on each line: 10% of three lines of 0.33 is 0.09', () => {
    const result = run({ type: 'PERCENTAGE', basisPoints: 1000, scope: 'ITEMS' }, [33, 33, 33]);
    expect(shares(result)).toEqual([3, 3, 3]);
    expect(result.totalMinor).toBe(90);
  });

  it('rounds an order percentage once: 10% of 0.99 is 0.10, split 4/3/3', () => {
    const result = run({ type: 'PERCENTAGE', basisPoints: 1000, scope: 'ORDER' }, [33, 33, 33]);
    expect(shares(result)).toEqual([4, 3, 3]);
    expect(result.orderDiscountMinor).toBe(10);
  });

  it('rounds a line, not each unit: 10% of 3 × 0.33 is 0.10', () => {
    expect(shares(run({ type: 'PERCENTAGE', basisPoints: 1000, scope: 'ITEMS' }, [33], 3))).toEqual([10]);
  });

  it('rounds half a cent up', () => {
    expect(shares(run({ type: 'PERCENTAGE', basisPoints: 500, scope: 'ITEMS' }, [10, 10, 9]))).toEqual([1, 1, 0]);
  });

  it('splits 33.33 over three equal lines and 100.00 over three with the spare cent first', () => {
    expect(shares(run({ type: 'FIXED_AMOUNT', amountMinor: 3333, scope: 'ORDER' }, [5000, 5000, 5000]))).toEqual([1111, 1111, 1111]);
    expect(shares(run({ type: 'FIXED_AMOUNT', amountMinor: 10_000, scope: 'ORDER' }, [5000, 5000, 5000]))).toEqual([3334, 3333, 3333]);
  });

  it('splits across lopsided lines by largest remainder', () => {
    // Exact shares 0.33, 0.67 and 33.32: floors 0, 0, 33.31, the two spare cents to .99 then .67.
    expect(shares(run({ type: 'FIXED_AMOUNT', amountMinor: 3333, scope: 'ORDER' }, [1, 2, 9997]))).toEqual([0, 1, 3332]);
  });

  it('splits an order discount by what product discounts left on each line', () => {
    const half = makeRule({
      id: 'half-l0',
      value: { type: 'PERCENTAGE', basisPoints: 5000, scope: 'ITEMS' },
      target: { type: 'PRODUCTS', productIds: ['p-l0'], categoryIds: [] },
      combinesWith: { productDiscounts: false, orderDiscounts: true, shippingDiscounts: false },
    });
    const order = { type: 'FIXED_AMOUNT', amountMinor: 1000, scope: 'ORDER' } as const;
    const rules = [
      half,
      makeRule({ id: 'd', value: order, combinesWith: { productDiscounts: true, orderDiscounts: false, shippingDiscounts: false } }),
    ];
    const input = makeInput({ lines: [makeLine({ id: 'l0', unitPriceMinor: 1000 }), makeLine({ id: 'l1', unitPriceMinor: 1000 })] });
    const result = evaluate(rules, input);
    expect(invariantViolations(rules, input, result)).toEqual([]);
    // 5.00 and 10.00 left: 3.333 and 6.667.
    expect(shares(result)).toEqual([333, 667]);
    expect(result.lines.map((line) => line.totalMinor)).toEqual([167, 333]);
  });
});
