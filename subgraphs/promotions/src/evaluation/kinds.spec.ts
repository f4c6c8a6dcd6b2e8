import { evaluate } from './evaluate';
import { makeInput, makeLine, makeRule } from './fixtures';
import type { DiscountRule, EvaluationInput, EvaluationResult } from './types';
import { invariantViolations } from './check-invariants';

/** Two shoes at 10.00, one hat at 25.00, three socks at 5.00: 60.00, plus 5.99 shipping. */
const basket = (): EvaluationInput =>
  makeInput({
    lines: [
      makeLine({ id: 'shoes', productId: 'p-shoes', categoryIds: ['footwear'], quantity: 2, unitPriceMinor: 1000 }),
      makeLine({ id: 'hat', productId: 'p-hat', categoryIds: ['headwear'], quantity: 1, unitPriceMinor: 2500 }),
      makeLine({ id: 'socks', productId: 'p-socks', categoryIds: ['footwear', 'basics'], quantity: 3, unitPriceMinor: 500 }),
    ],
    shippingMinor: 599,
  });

function run(rule: DiscountRule, input: EvaluationInput = basket()): EvaluationResult {
  const result = evaluate([rule], input);
  expect(invariantViolations([rule], input, result)).toEqual([]);
  return result;
}

/** Discount per line id, for lines that got one. */
const perLine = (result: EvaluationResult): Record<string, number> =>
  Object.fromEntries(result.lines.filter((line) => line.discountMinor > 0).map((line) => [line.id, line.discountMinor]));

describe('evaluate: kinds, scopes and targets', () => {
  it('takes a percentage off every item, rounded per line', () => {
    const result = run(makeRule({ id: 'pct', value: { type: 'PERCENTAGE', basisPoints: 1000, scope: 'ITEMS' } }));
    expect(perLine(result)).toEqual({ shoes: 200, hat: 250, socks: 150 });
    expect(result.applied).toEqual([{ discountId: 'pct', title: 'pct', code: null, class: 'PRODUCT', amountMinor: 600 }]);
    expect(result).toMatchObject({ subtotalMinor: 6000, productDiscountMinor: 600, shippingMinor: 599, totalMinor: 5999 });
  });

  it('targets listed products only', () => {
    const target = { type: 'PRODUCTS' as const, productIds: ['p-hat', 'p-absent'], categoryIds: [] };
    const result = run(makeRule({ id: 'pct', target, value: { type: 'PERCENTAGE', basisPoints: 1000, scope: 'ITEMS' } }));
    expect(perLine(result)).toEqual({ hat: 250 });
    expect(result.lines.find((line) => line.id === 'shoes')?.allocations).toEqual([]);
  });

  it('targets lines in any listed category', () => {
    const target = { type: 'CATEGORIES' as const, productIds: [], categoryIds: ['basics', 'footwear'] };
    const result = run(makeRule({ id: 'pct', target, value: { type: 'PERCENTAGE', basisPoints: 1000, scope: 'ITEMS' } }));
    expect(perLine(result)).toEqual({ shoes: 200, socks: 150 });
  });

  it('takes a fixed amount off each unit, never more than the line', () => {
    const result = run(makeRule({ id: 'fix', value: { type: 'FIXED_AMOUNT', amountMinor: 800, scope: 'EACH_ITEM' } }));
    // Shoes 2 × 8.00; hat 8.00; socks 3 × 8.00 capped at their 15.00.
    expect(perLine(result)).toEqual({ shoes: 1600, hat: 800, socks: 1500 });
    expect(result.productDiscountMinor).toBe(3900);
  });

  it('takes a percentage off the order and splits it by line amount', () => {
    const result = run(makeRule({ id: 'ord', value: { type: 'PERCENTAGE', basisPoints: 1500, scope: 'ORDER' } }));
    expect(perLine(result)).toEqual({ shoes: 300, hat: 375, socks: 225 });
    expect(result.applied[0]).toMatchObject({ class: 'ORDER', amountMinor: 900 });
    expect(result).toMatchObject({ productDiscountMinor: 0, orderDiscountMinor: 900, totalMinor: 5699 });
  });

  it('takes a fixed amount once off the targeted subtotal, split exactly', () => {
    const target = { type: 'CATEGORIES' as const, productIds: [], categoryIds: ['footwear'] };
    const result = run(makeRule({ id: 'ord', target, value: { type: 'FIXED_AMOUNT', amountMinor: 1000, scope: 'ORDER' } }));
    // 10.00 over 20.00 and 15.00: 571.43 and 428.57; the spare cent goes to the larger remainder.
    expect(perLine(result)).toEqual({ shoes: 571, socks: 429 });
  });

  it('caps a fixed order amount at the subtotal', () => {
    const result = run(makeRule({ id: 'ord', value: { type: 'FIXED_AMOUNT', amountMinor: 100_000, scope: 'ORDER' } }));
    expect(result.orderDiscountMinor).toBe(6000);
    expect(result.lines.map((line) => line.totalMinor)).toEqual([0, 0, 0]);
    expect(result.totalMinor).toBe(599);
  });

  describe('buy X get Y', () => {
    const b2g1 = makeRule({ id: 'b2g1', value: { type: 'BUY_X_GET_Y', buyQuantity: 2, getQuantity: 1, getBasisPoints: 10_000 } });
    const units = (...prices: number[]): EvaluationInput =>
      makeInput({ lines: prices.map((price, i) => makeLine({ id: `l${i}`, unitPriceMinor: price })) });

    it('gives the cheapest of three free', () => {
      const result = run(b2g1, units(3000, 1000, 2000));
      expect(perLine(result)).toEqual({ l1: 1000 });
      expect(result.applied[0]).toMatchObject({ class: 'PRODUCT', amountMinor: 1000 });
    });

    it('groups units dearest first across lines and quantities', () => {
      const input = makeInput({
        lines: [
          makeLine({ id: 'cheap', quantity: 3, unitPriceMinor: 1000 }),
          makeLine({ id: 'dear', quantity: 2, unitPriceMinor: 3000 }),
          makeLine({ id: 'mid', quantity: 1, unitPriceMinor: 2000 }),
        ],
      });
      // Ranked 30, 30, 20 | 10, 10, 10: the 20 and one 10 are free.
      expect(perLine(run(b2g1, input))).toEqual({ mid: 2000, cheap: 1000 });
    });

    it('discounts nothing in an incomplete group', () => {
      expect(perLine(run(b2g1, units(4000, 3000, 2000, 1000)))).toEqual({ l2: 2000 });
      const twoUnits = units(4000, 3000);
      const result = evaluate([{ ...b2g1, code: 'B2G1' }], { ...twoUnits, codes: ['b2g1'] });
      expect(result.rejectedCodes).toEqual([
        { code: 'B2G1', reason: 'NOT_APPLICABLE', message: 'Code "B2G1" gives no further discount on this basket' },
      ]);
    });

    it('rounds a partial discount half up per unit', () => {
      const half = makeRule({ id: 'half', value: { type: 'BUY_X_GET_Y', buyQuantity: 2, getQuantity: 1, getBasisPoints: 5000 } });
      const input = makeInput({ lines: [makeLine({ id: 'l', quantity: 6, unitPriceMinor: 999 })] });
      expect(perLine(run(half, input))).toEqual({ l: 1000 }); // 2 units × round(4.995) = 2 × 5.00
    });

    it('counts only targeted units', () => {
      const target = { type: 'PRODUCTS' as const, productIds: ['p-a', 'p-b'], categoryIds: [] };
      const input = makeInput({
        lines: [
          makeLine({ id: 'a', productId: 'p-a', unitPriceMinor: 3000 }),
          makeLine({ id: 'other', productId: 'p-other', unitPriceMinor: 100 }),
          makeLine({ id: 'b', productId: 'p-b', quantity: 2, unitPriceMinor: 2000 }),
        ],
      });
      expect(perLine(run({ ...b2g1, target }, input))).toEqual({ b: 2000 });
    });
  });

  describe('free shipping', () => {
    it('takes all of the shipping', () => {
      const result = run(makeRule({ id: 'ship', value: { type: 'FREE_SHIPPING', maxAmountMinor: null } }));
      expect(result).toMatchObject({ shippingDiscountMinor: 599, shippingMinor: 0, totalMinor: 6000 });
      expect(result.applied[0]).toMatchObject({ class: 'SHIPPING', amountMinor: 599 });
      expect(result.lines.every((line) => line.allocations.length === 0)).toBe(true);
    });

    it('takes no more than its cap', () => {
      const result = run(makeRule({ id: 'ship', value: { type: 'FREE_SHIPPING', maxAmountMinor: 500 } }));
      expect(result).toMatchObject({ shippingDiscountMinor: 500, shippingMinor: 99, totalMinor: 6099 });
    });

    it('has nothing to take when shipping is free already', () => {
      const rule = makeRule({ id: 'ship', code: 'SHIPFREE', value: { type: 'FREE_SHIPPING', maxAmountMinor: null } });
      const result = run(rule, { ...basket(), shippingMinor: 0, codes: ['SHIPFREE'] });
      expect(result.applied).toEqual([]);
      expect(result.rejectedCodes[0]).toMatchObject({ code: 'SHIPFREE', reason: 'NOT_APPLICABLE' });
    });
  });
});
