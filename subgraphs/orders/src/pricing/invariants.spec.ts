import { allocate } from './allocate';
import { priceOrder } from './price-order';
import type { LineDiscounts, PricingInput, PricingLine, PricingResult, TaxClass, TaxRates } from './types';
import { seededRandom } from '#platform/runtime';

const BASKETS = 3000;

/** A basket mixing classes, per-line and order discounts, shipping, both tax modes, and now and then the largest lines. */
function randomBasket(seed: number): PricingInput {
  const random = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const huge = random() < 0.05;
  const lines: PricingLine[] = Array.from({ length: int(1, 8) }, (_, i) => ({
    id: `line-${i}`,
    sku: `SKU-${int(1, 5)}`,
    quantity: huge ? int(900, 999) : pick([1, 1, 2, 3, int(1, 999)]),
    unitPriceMinor: huge ? int(900_000_000, 1_000_000_000) : pick([0, 1, 99, 1999, 11_900, int(0, 100_000)]),
    taxClass: pick<TaxClass>(['STANDARD', 'STANDARD', 'REDUCED', 'ZERO']),
  }));
  const subtotals = lines.map((line) => line.quantity * line.unitPriceMinor);
  // A per-line discount on some lines, then an order discount over what is left, as promotions allocates it.
  const perLine = subtotals.map((subtotal) => (random() < 0.3 ? Math.floor(subtotal * random() * 0.5) : 0));
  const left = subtotals.map((subtotal, i) => subtotal - perLine[i]);
  const leftTotal = left.reduce((a, b) => a + b, 0);
  const orderDiscount = leftTotal > 0 && random() < 0.5 ? Math.floor(leftTotal * random()) : 0;
  const orderShares = orderDiscount > 0 ? allocate(orderDiscount, left) : left.map(() => 0);
  const discounts: LineDiscounts[] = lines.flatMap((line, i) => {
    const allocations = [
      ...(perLine[i] > 0 ? [{ discountId: 'item', amountMinor: perLine[i] }] : []),
      ...(orderShares[i] > 0 ? [{ discountId: 'order', amountMinor: orderShares[i] }] : []),
    ];
    return allocations.length > 0 || random() < 0.2 ? [{ lineId: line.id, allocations }] : [];
  });
  const before = pick([0, 495, 599, int(0, 5000)]);
  const rates: TaxRates = {
    STANDARD: pick([
      { rateBasisPoints: 1900, name: 'VAT 19%' },
      { rateBasisPoints: 2000, name: 'VAT 20%' },
      { rateBasisPoints: int(0, 10_000), name: 'Standard' },
    ]),
    REDUCED: pick([
      { rateBasisPoints: 700, name: 'VAT 7%' },
      { rateBasisPoints: 550, name: 'VAT 5.5%' },
    ]),
    ZERO: { rateBasisPoints: 0, name: 'VAT 0%' },
  };
  return {
    lines,
    discounts,
    shipping: { beforeDiscountMinor: before, afterDiscountMinor: pick([before, 0, int(0, before)]) },
    taxRates: rates,
    pricesIncludeTax: random() < 0.5,
  };
}

/** Half-up division done independently of the engine, in BigInt throughout. */
function referenceTax(amount: number, rate: number, inclusive: boolean): number {
  const divisor = BigInt(inclusive ? 10_000 + rate : 10_000);
  return Number((2n * BigInt(amount) * BigInt(rate) + divisor) / (2n * divisor));
}

function violations(input: PricingInput, result: PricingResult): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  const money = (value: number, what: string): void => check(Number.isSafeInteger(value) && value >= 0, `${what} is ${value}`);
  const inclusive = input.pricesIncludeTax;
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

  check(result.lines.length === input.lines.length, 'a line went missing');
  result.lines.forEach((line, i) => {
    const source = input.lines[i];
    const allocations = input.discounts.find((entry) => entry.lineId === source.id)?.allocations ?? [];
    const rate = input.taxRates[source.taxClass];
    check(line.id === source.id, `line ${i} is ${line.id}`);
    check(line.subtotalMinor === source.quantity * source.unitPriceMinor, `${line.id} subtotal`);
    check(line.discountMinor === sum(allocations.map((a) => a.amountMinor)), `${line.id} discount`);
    check(line.netMinor === line.subtotalMinor - line.discountMinor, `${line.id} net`);
    check(line.taxMinor === referenceTax(line.netMinor, rate.rateBasisPoints, inclusive), `${line.id} tax ${line.taxMinor}`);
    check(line.taxLines.length === 1 && line.taxLines[0].rateBasisPoints === rate.rateBasisPoints, `${line.id} tax line rate`);
    check(sum(line.taxLines.map((t) => t.amountMinor)) === line.taxMinor, `${line.id} tax lines != tax`);
    check(line.totalMinor === line.netMinor + (inclusive ? 0 : line.taxMinor), `${line.id} total`);
    if (inclusive) check(line.taxMinor <= line.netMinor, `${line.id} holds more tax than its price`);
    for (const value of [line.subtotalMinor, line.discountMinor, line.netMinor, line.taxMinor, line.totalMinor]) money(value, line.id);
  });

  const { totals } = result;
  const shippingTax = referenceTax(input.shipping.afterDiscountMinor, input.taxRates.STANDARD.rateBasisPoints, inclusive);
  check(totals.subtotalMinor === sum(result.lines.map((l) => l.subtotalMinor)), 'subtotal != sum of lines');
  check(totals.discountTotalMinor === sum(result.lines.map((l) => l.discountMinor)), 'discount total != sum of lines');
  check(totals.shippingMinor === input.shipping.afterDiscountMinor, 'shipping');
  check(totals.shippingDiscountMinor === input.shipping.beforeDiscountMinor - input.shipping.afterDiscountMinor, 'shipping discount');
  check(totals.shippingTaxMinor === shippingTax, 'shipping tax');
  check(totals.taxTotalMinor === sum(result.lines.map((l) => l.taxMinor)) + shippingTax, 'tax total != lines + shipping');
  check(sum(totals.taxLines.map((t) => t.amountMinor)) === totals.taxTotalMinor, 'tax lines != tax total');
  const expectedTotal = totals.subtotalMinor - totals.discountTotalMinor + totals.shippingMinor + (inclusive ? 0 : totals.taxTotalMinor);
  check(totals.totalMinor === expectedTotal, `total ${totals.totalMinor} != ${expectedTotal}`);
  const fromLines = sum(result.lines.map((l) => l.totalMinor)) + totals.shippingMinor + (inclusive ? 0 : totals.shippingTaxMinor);
  check(totals.totalMinor === fromLines, 'total != line totals + shipping');
  const keys = totals.taxLines.map((t) => `${t.rateBasisPoints}/${t.name}`);
  check(new Set(keys).size === keys.length, 'a rate listed twice');
  totals.taxLines.forEach((t, i) => {
    money(t.amountMinor, `tax line ${t.name}`);
    if (i > 0) check(totals.taxLines[i - 1].rateBasisPoints >= t.rateBasisPoints, 'tax lines out of order');
  });
  for (const [name, value] of Object.entries(totals)) if (typeof value === 'number') money(value, name);
  return problems;
}

describe('priceOrder: invariants over random baskets', () => {
  it(`keeps every sum exact on ${BASKETS} seeded baskets`, () => {
    let huge = 0;
    const problems: string[] = [];
    for (let seed = 1; seed <= BASKETS; seed += 1) {
      const input = randomBasket(seed);
      if (input.lines[0].unitPriceMinor >= 900_000_000) huge += 1;
      const before = JSON.stringify(input);
      const result = priceOrder(input);
      problems.push(...violations(input, result).map((problem) => `seed ${seed}: ${problem}`));
      // Pure: the input is left as it was, and pricing it again gives the same answer.
      if (JSON.stringify(input) !== before) problems.push(`seed ${seed}: the input was changed`);
      if (JSON.stringify(priceOrder(input)) !== JSON.stringify(result)) problems.push(`seed ${seed}: a second pricing differs`);
    }
    expect(problems).toEqual([]);
    expect(huge).toBeGreaterThan(50);
  });

  it('splits random amounts exactly, never above a weight, each share within one unit of its exact part', () => {
    const random = seededRandom(7);
    const problems: string[] = [];
    for (let i = 0; i < BASKETS; i += 1) {
      const big = i % 10 === 0;
      const weights = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * (big ? 1e12 : 5000)));
      const total = weights.reduce((a, b) => a + b, 0);
      const amount = Math.floor(random() * (total + 1));
      const shares = total === 0 ? weights.map(() => 0) : allocate(amount, weights);
      if (shares.reduce((a, b) => a + b, 0) !== amount) problems.push(`case ${i}: shares do not sum to ${amount}`);
      shares.forEach((share, index) => {
        if (!Number.isSafeInteger(share) || share < 0 || share > weights[index])
          problems.push(`case ${i}: share ${share} of ${weights[index]}`);
        // |share × total − amount × weight| < total, in BigInt.
        const gap = BigInt(share) * BigInt(total) - BigInt(amount) * BigInt(weights[index]);
        if ((gap < 0n ? -gap : gap) >= BigInt(total)) problems.push(`case ${i}: share ${share} is a unit or more off`);
      });
    }
    expect(problems).toEqual([]);
  });
});
