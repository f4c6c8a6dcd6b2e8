/**
 * Builders for the engine's tests and benchmark. Random baskets come from a seeded generator so
 * a failing case can be replayed from its seed and benchmark runs compare like with like.
 */
import type { DiscountRule, DiscountValue, EvaluationInput, EvaluationLine } from './types';
import { seededRandom } from '#platform/runtime';

export { seededRandom };

/** The instant every fixture is evaluated at. */
export const NOW = new Date('2026-06-15T12:00:00Z');

const DAY = 86_400_000;

/** A live automatic 10%-off-everything rule that combines with nothing, with `overrides`. */
export function makeRule(overrides: Partial<DiscountRule> & { id: string }): DiscountRule {
  return {
    title: overrides.id,
    code: null,
    value: { type: 'PERCENTAGE', basisPoints: 1000, scope: 'ITEMS' },
    target: { type: 'ALL', productIds: [], categoryIds: [] },
    minimumSubtotalMinor: null,
    minimumQuantity: null,
    channels: [],
    segmentIds: [],
    startsAt: null,
    endsAt: null,
    active: true,
    usageLimit: null,
    usageCount: 0,
    usageLimitPerCustomer: null,
    customerUsageCount: 0,
    combinesWith: { productDiscounts: false, orderDiscounts: false, shippingDiscounts: false },
    ...overrides,
  };
}

/** One unit at 10.00 of product `p-<id>` in category `c-1`, with `overrides`. */
export function makeLine(overrides: Partial<EvaluationLine> & { id: string }): EvaluationLine {
  return {
    sku: `SKU-${overrides.id}`,
    productId: `p-${overrides.id}`,
    categoryIds: ['c-1'],
    quantity: 1,
    unitPriceMinor: 1000,
    ...overrides,
  };
}

/** A guest on WEB at NOW with no codes and no shipping, with `overrides`. */
export function makeInput(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    lines: [],
    customer: { id: null, segmentIds: [] },
    channel: 'WEB',
    codes: [],
    shippingMinor: 0,
    now: NOW,
    ...overrides,
  };
}

/** Shape of a random case: how many lines and rules, and whether every rule is live. */
export interface RandomCaseOptions {
  lineCount: number;
  ruleCount: number;
  /** True: every rule passes its date, channel, segment and usage checks. */
  allLive: boolean;
}

/** A reproducible basket and rule set, mixing every kind, scope, target and combination flag. */
export function randomCase(seed: number, options: RandomCaseOptions): { rules: DiscountRule[]; input: EvaluationInput } {
  const random = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const chance = (p: number): boolean => random() < p;
  const products = Array.from({ length: 12 }, (_, i) => `prod-${i}`);
  const categories = Array.from({ length: 5 }, (_, i) => `cat-${i}`);

  const lines = Array.from({ length: options.lineCount }, (_, i) =>
    makeLine({
      id: `line-${i}`,
      productId: pick(products),
      categoryIds: chance(0.2) ? [] : [pick(categories), ...(chance(0.3) ? [pick(categories)] : [])],
      quantity: chance(0.7) ? int(1, 3) : int(4, 12),
      unitPriceMinor: pick([1, 33, 99, 333, 1999, 3333, int(0, 25_000)]),
    }),
  );

  const rules = Array.from({ length: options.ruleCount }, (_, i): DiscountRule => {
    const rule = makeRule({
      id: `rule-${String(i).padStart(3, '0')}`,
      title: `Random offer ${i}`,
      code: chance(0.3) ? `CODE${i}` : null,
      value: randomValue(int, pick, chance),
      target: pick([
        { type: 'ALL', productIds: [], categoryIds: [] },
        { type: 'PRODUCTS', productIds: [pick(products), pick(products), pick(products)], categoryIds: [] },
        { type: 'CATEGORIES', productIds: [], categoryIds: [pick(categories)] },
      ] as const),
      minimumSubtotalMinor: chance(0.2) ? int(0, 40_000) : null,
      minimumQuantity: chance(0.2) ? int(1, 6) : null,
      channels: chance(0.3) ? ['WEB', 'APP'] : [],
      startsAt: chance(0.5) ? null : new Date(NOW.getTime() - int(1, 30) * DAY),
      endsAt: chance(0.5) ? null : new Date(NOW.getTime() + int(1, 30) * DAY),
      usageLimit: chance(0.3) ? 100 : null,
      usageCount: int(0, 99),
      combinesWith: { productDiscounts: chance(0.5), orderDiscounts: chance(0.5), shippingDiscounts: chance(0.5) },
    });
    return options.allLive || chance(0.7) ? rule : withDefect(rule, int(0, 6));
  });

  // About half the codes, typed in lower case, one of them twice, and one that matches nothing.
  const codes = rules.flatMap((rule) => (rule.code !== null && chance(0.5) ? [rule.code.toLowerCase()] : []));
  codes.push('  nosuchcode ');
  if (codes.length > 1) codes.push(codes[0].toUpperCase());
  const input = makeInput({
    lines,
    channel: 'WEB',
    customer: { id: 'customer-1', segmentIds: chance(0.5) ? ['regular'] : [] },
    codes,
    shippingMinor: pick([0, 499, 999, int(0, 3000)]),
  });
  return { rules, input };
}

/** `rule` made to fail one per-rule check, chosen by `which`. */
function withDefect(rule: DiscountRule, which: number): DiscountRule {
  const defects: Partial<DiscountRule>[] = [
    { active: false },
    { startsAt: new Date(NOW.getTime() + DAY) },
    { endsAt: NOW },
    { channels: ['POS'] },
    { segmentIds: ['vip'] },
    { usageLimit: 5, usageCount: 5 },
    { usageLimitPerCustomer: 1, customerUsageCount: 1 },
  ];
  return { ...rule, ...defects[which] };
}

function randomValue(
  int: (min: number, max: number) => number,
  pick: <T>(items: readonly T[]) => T,
  chance: (p: number) => boolean,
): DiscountValue {
  switch (int(0, 5)) {
    case 0:
      return { type: 'PERCENTAGE', basisPoints: pick([500, 1000, 1250, 3333, int(1, 5000)]), scope: 'ITEMS' };
    case 1:
      return { type: 'PERCENTAGE', basisPoints: pick([500, 1000, 1500, 2000, int(1, 5000)]), scope: 'ORDER' };
    case 2:
      return { type: 'FIXED_AMOUNT', amountMinor: pick([1, 100, 500, int(0, 5000)]), scope: 'EACH_ITEM' };
    case 3:
      return { type: 'FIXED_AMOUNT', amountMinor: pick([500, 1000, 3333, int(0, 50_000)]), scope: 'ORDER' };
    case 4:
      return {
        type: 'BUY_X_GET_Y',
        buyQuantity: int(1, 3),
        getQuantity: int(1, 2),
        getBasisPoints: pick([10_000, 5000, int(1, 10_000)]),
      };
    default:
      return { type: 'FREE_SHIPPING', maxAmountMinor: chance(0.5) ? null : int(0, 1500) };
  }
}

/** A 20-line basket with 200 live discounts, some with codes entered, for the engine benchmark. */
export function benchmarkBasket(seed: number): { rules: DiscountRule[]; input: EvaluationInput } {
  return randomCase(seed, { lineCount: 20, ruleCount: 200, allLive: true });
}
