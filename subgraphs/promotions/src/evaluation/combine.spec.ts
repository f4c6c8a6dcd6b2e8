import { invariantViolations } from './check-invariants';
import { EXACT_SEARCH_LIMIT } from './combine';
import { evaluate } from './evaluate';
import { makeInput, makeLine, makeRule } from './fixtures';
import type { DiscountRule, EvaluationInput, EvaluationResult } from './types';

const none = { productDiscounts: false, orderDiscounts: false, shippingDiscounts: false };
const withProducts = { ...none, productDiscounts: true };
const withOrders = { ...none, orderDiscounts: true };

const oneLine = (priceMinor: number, codes: string[] = []): EvaluationInput =>
  makeInput({ lines: [makeLine({ id: 'l', unitPriceMinor: priceMinor })], codes });

const percentItems = (id: string, basisPoints: number, overrides: Partial<DiscountRule> = {}): DiscountRule =>
  makeRule({ id, value: { type: 'PERCENTAGE', basisPoints, scope: 'ITEMS' }, ...overrides });
const fixedOrder = (id: string, amountMinor: number, overrides: Partial<DiscountRule> = {}): DiscountRule =>
  makeRule({ id, value: { type: 'FIXED_AMOUNT', amountMinor, scope: 'ORDER' }, ...overrides });

function run(rules: DiscountRule[], input: EvaluationInput): EvaluationResult {
  const result = evaluate(rules, input);
  expect(invariantViolations(rules, input, result)).toEqual([]);
  return result;
}

const appliedAmounts = (result: EvaluationResult): [string, number][] => result.applied.map((a) => [a.discountId, a.amountMinor]);

describe('evaluate: combining discounts', () => {
  const sale = percentItems('sale', 1000, { title: 'Summer sale' });
  const fifteen = fixedOrder('fifteen', 1500, { code: 'FIFTEEN' });

  it('gives the better of two discounts that do not combine: the code on a small basket', () => {
    const result = run([sale, fifteen], oneLine(10_000, ['fifteen']));
    expect(appliedAmounts(result)).toEqual([['fifteen', 1500]]);
    expect(result.rejectedCodes).toEqual([]);
  });

  it('gives the better of two discounts that do not combine: the automatic one on a big basket', () => {
    const result = run([sale, fifteen], oneLine(20_000, ['fifteen']));
    expect(appliedAmounts(result)).toEqual([['sale', 2000]]);
    expect(result.rejectedCodes).toEqual([
      {
        code: 'FIFTEEN',
        reason: 'NOT_COMBINABLE',
        message: 'Code "FIFTEEN" cannot be combined with "Summer sale", which gives a bigger discount',
      },
    ]);
  });

  it('breaks an exact tie by the smaller id, whatever order the rules came in', () => {
    const a = fixedOrder('a-rule', 1000);
    const b = fixedOrder('b-rule', 1000);
    const forward = run([b, a], oneLine(5000));
    expect(appliedAmounts(forward)).toEqual([['a-rule', 1000]]);
    expect(run([a, b], oneLine(5000))).toEqual(forward);
  });

  it('prefers fewer discounts for the same total', () => {
    const single = fixedOrder('x-single', 1000);
    const product = makeRule({
      id: 'a-product',
      value: { type: 'FIXED_AMOUNT', amountMinor: 500, scope: 'EACH_ITEM' },
      combinesWith: withOrders,
    });
    const order = fixedOrder('a-order', 500, { combinesWith: withProducts });
    expect(appliedAmounts(run([product, order, single], oneLine(10_000)))).toEqual([['x-single', 1000]]);
  });

  it('stacks discounts that all consent, in class order, each on what the last left', () => {
    const rules = [
      makeRule({
        id: 'ship',
        value: { type: 'FREE_SHIPPING', maxAmountMinor: null },
        combinesWith: { ...none, productDiscounts: true, orderDiscounts: true },
      }),
      makeRule({
        id: 'order',
        value: { type: 'PERCENTAGE', basisPoints: 1000, scope: 'ORDER' },
        combinesWith: { ...none, productDiscounts: true, shippingDiscounts: true },
      }),
      percentItems('items', 1000, { combinesWith: { ...none, orderDiscounts: true, shippingDiscounts: true } }),
    ];
    const input = makeInput({
      lines: [makeLine({ id: 'a', unitPriceMinor: 6000 }), makeLine({ id: 'b', unitPriceMinor: 4000 })],
      shippingMinor: 499,
    });
    const result = run(rules, input);
    // 10% of 100.00, then 10% of the 90.00 left, then all of the shipping.
    expect(appliedAmounts(result)).toEqual([
      ['items', 1000],
      ['order', 900],
      ['ship', 499],
    ]);
    expect(result.lines.map((line) => line.allocations)).toEqual([
      [
        { discountId: 'items', amountMinor: 600 },
        { discountId: 'order', amountMinor: 540 },
      ],
      [
        { discountId: 'items', amountMinor: 400 },
        { discountId: 'order', amountMinor: 360 },
      ],
    ]);
    expect(result).toMatchObject({ totalDiscountMinor: 2399, shippingMinor: 0, totalMinor: 8100 });
  });

  it('needs consent from both sides', () => {
    const items = percentItems('items', 1000, { combinesWith: withOrders });
    const order = fixedOrder('order', 1500, { combinesWith: none });
    expect(appliedAmounts(run([items, order], oneLine(10_000)))).toEqual([['order', 1500]]);
  });

  it('applies stacked product discounts worth most alone first, then by id', () => {
    const fixed = makeRule({
      id: 'z-fixed',
      value: { type: 'FIXED_AMOUNT', amountMinor: 3000, scope: 'EACH_ITEM' },
      combinesWith: withProducts,
    });
    const pct = percentItems('a-pct', 1000, { combinesWith: withProducts });
    expect(appliedAmounts(run([pct, fixed], oneLine(10_000)))).toEqual([
      ['z-fixed', 3000],
      ['a-pct', 700],
    ]);
    const twin = percentItems('b-pct', 1000, { combinesWith: withProducts });
    expect(appliedAmounts(run([twin, pct], oneLine(10_000)))).toEqual([
      ['a-pct', 1000],
      ['b-pct', 900],
    ]);
  });

  it('prefers two discounts that stack over one bigger one that does not', () => {
    const big = fixedOrder('big', 5000, { code: 'BIG' });
    const product = makeRule({
      id: 'p',
      title: 'Thirty off',
      value: { type: 'FIXED_AMOUNT', amountMinor: 3000, scope: 'EACH_ITEM' },
      combinesWith: withOrders,
    });
    const order = fixedOrder('o', 3000, { title: 'Thirty more', combinesWith: withProducts });
    const result = run([big, product, order], oneLine(10_000, ['BIG']));
    expect(appliedAmounts(result)).toEqual([
      ['p', 3000],
      ['o', 3000],
    ]);
    expect(result.rejectedCodes[0].message).toBe(
      'Code "BIG" cannot be combined with "Thirty off", "Thirty more", which give a bigger discount',
    );
  });

  it('never takes more than what is left, and rejects a code that has nothing left to take', () => {
    const free = percentItems('free', 10_000, { combinesWith: withOrders });
    const tenOff = fixedOrder('ten', 1000, { code: 'TEN', combinesWith: withProducts });
    const result = run(
      [free, tenOff],
      makeInput({ lines: [makeLine({ id: 'l', unitPriceMinor: 5000 })], codes: ['ten'], shippingMinor: 300 }),
    );
    expect(appliedAmounts(result)).toEqual([['free', 5000]]);
    expect(result.lines[0].totalMinor).toBe(0);
    expect(result.totalMinor).toBe(300);
    expect(result.rejectedCodes).toEqual([
      { code: 'TEN', reason: 'NOT_APPLICABLE', message: 'Code "TEN" gives no further discount on this basket' },
    ]);
  });

  it('rejects a second free shipping code as adding nothing, not as incompatible', () => {
    const shipping = { ...none, shippingDiscounts: true };
    const auto = makeRule({ id: 'auto-ship', value: { type: 'FREE_SHIPPING', maxAmountMinor: null }, combinesWith: shipping });
    const code = makeRule({
      id: 'code-ship',
      code: 'SHIP',
      value: { type: 'FREE_SHIPPING', maxAmountMinor: null },
      combinesWith: shipping,
    });
    const result = run([code, auto], makeInput({ lines: [makeLine({ id: 'l' })], codes: ['ship'], shippingMinor: 500 }));
    expect(appliedAmounts(result)).toEqual([['auto-ship', 500]]);
    expect(result.rejectedCodes[0].reason).toBe('NOT_APPLICABLE');
  });

  describe(`beyond ${EXACT_SEARCH_LIMIT} candidates (greedy)`, () => {
    const padding = Array.from({ length: EXACT_SEARCH_LIMIT }, (_, i) => fixedOrder(`pad-${String(i).padStart(2, '0')}`, i + 1));

    it('takes the discount worth most alone, then adds what stacks with it', () => {
      const lines = [
        makeLine({ id: 'a', productId: 'p-a', unitPriceMinor: 10_000 }),
        makeLine({ id: 'b', productId: 'p-b', unitPriceMinor: 5000 }),
      ];
      const onA = { type: 'PRODUCTS' as const, productIds: ['p-a'], categoryIds: [] };
      const free = percentItems('free-a', 10_000, { target: onA, combinesWith: { ...none, productDiscounts: true, orderDiscounts: true } });
      // Stacks with `free-a` but adds nothing after it, and would block `order` if taken.
      const half = percentItems('half-a', 5000, { target: onA, combinesWith: withProducts });
      const order = fixedOrder('order', 1000, { combinesWith: withProducts });
      const result = run([...padding, order, half, free], makeInput({ lines }));
      expect(appliedAmounts(result)).toEqual([
        ['free-a', 10_000],
        ['order', 1000],
      ]);
    });

    it('is deterministic, and may miss a better stack: the price of not trying every set', () => {
      const stackable = Array.from({ length: 13 }, (_, i) =>
        fixedOrder(`s-${String(i).padStart(2, '0')}`, 100, { combinesWith: withOrders }),
      );
      const loner = fixedOrder('loner', 1000);
      const result = run([...stackable, loner], oneLine(10_000));
      expect(appliedAmounts(result)).toEqual([['loner', 1000]]); // exact search would find 13 × 1.00
      expect(run([loner, ...stackable].reverse(), oneLine(10_000))).toEqual(result);
    });
  });
});
