/**
 * The guarantees every result must keep, whatever the rules: money is whole and never negative,
 * each discount's parts add up to it, and the totals agree with the lines. Kept out of the specs
 * so the benchmark can check what it measures.
 */
import { normalizeCode } from './codes';
import { combinable, discountClass } from './discount-class';
import type { DiscountRule, EvaluationInput, EvaluationResult } from './types';

/** Every broken guarantee of `result` for `rules` and `input`, as sentences; empty when sound. */
export function invariantViolations(rules: readonly DiscountRule[], input: EvaluationInput, result: EvaluationResult): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  const money = (value: number, what: string): void => check(Number.isSafeInteger(value) && value >= 0, `${what} is ${value}`);

  const lineAllocated = new Map<string, number>();
  result.lines.forEach((line, index) => {
    const source = input.lines[index];
    check(line.id === source.id, `line ${index} is ${line.id}, not ${source.id}`);
    check(line.subtotalMinor === source.quantity * source.unitPriceMinor, `line ${line.id} subtotal is off`);
    for (const allocation of line.allocations) {
      check(allocation.amountMinor > 0, `line ${line.id} lists a zero allocation`);
      money(allocation.amountMinor, `allocation of ${allocation.discountId} on ${line.id}`);
      lineAllocated.set(allocation.discountId, (lineAllocated.get(allocation.discountId) ?? 0) + allocation.amountMinor);
    }
    const allocated = line.allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0);
    check(line.discountMinor === allocated, `line ${line.id} discount ${line.discountMinor} != allocations ${allocated}`);
    check(line.totalMinor === line.subtotalMinor - line.discountMinor, `line ${line.id} total is off`);
    money(line.totalMinor, `line ${line.id} total`);
  });

  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const sums = { PRODUCT: 0, ORDER: 0, SHIPPING: 0 };
  const rank = { PRODUCT: 0, ORDER: 1, SHIPPING: 2 };
  result.applied.forEach((applied, index) => {
    const rule = byId.get(applied.discountId);
    check(rule !== undefined, `applied ${applied.discountId} is not a rule`);
    check(applied.amountMinor > 0, `applied ${applied.discountId} takes nothing`);
    money(applied.amountMinor, `applied ${applied.discountId}`);
    sums[applied.class] += applied.amountMinor;
    const onLines = lineAllocated.get(applied.discountId) ?? 0;
    const expected = applied.class === 'SHIPPING' ? 0 : applied.amountMinor;
    check(onLines === expected, `${applied.discountId} allocations ${onLines} != ${expected}`);
    if (index > 0) check(rank[result.applied[index - 1].class] <= rank[applied.class], 'applied out of class order');
    if (rule === undefined) return;
    check(discountClass(rule.value) === applied.class, `${applied.discountId} has the wrong class`);
    for (const other of result.applied.slice(0, index)) {
      const otherRule = byId.get(other.discountId);
      check(otherRule !== undefined && combinable(rule, otherRule), `${applied.discountId} applied with ${other.discountId}`);
    }
  });
  check(new Set(result.applied.map((a) => a.discountId)).size === result.applied.length, 'a discount applied twice');

  const subtotal = result.lines.reduce((sum, line) => sum + line.subtotalMinor, 0);
  const lineTotals = result.lines.reduce((sum, line) => sum + line.totalMinor, 0);
  check(result.subtotalMinor === subtotal, 'subtotal != sum of lines');
  check(result.productDiscountMinor === sums.PRODUCT, 'product discount total is off');
  check(result.orderDiscountMinor === sums.ORDER, 'order discount total is off');
  check(result.shippingDiscountMinor === sums.SHIPPING, 'shipping discount total is off');
  check(result.totalDiscountMinor === sums.PRODUCT + sums.ORDER + sums.SHIPPING, 'total discount is off');
  check(result.shippingMinor === input.shippingMinor - sums.SHIPPING, 'shipping after discount is off');
  money(result.shippingMinor, 'shipping after discount');
  check(result.totalMinor === subtotal - sums.PRODUCT - sums.ORDER + result.shippingMinor, 'total is off');
  check(result.totalMinor === lineTotals + result.shippingMinor, 'total != line totals + shipping');
  money(result.totalMinor, 'total');

  const entered = new Set(input.codes.map(normalizeCode).filter((code) => code !== ''));
  const appliedCodes = new Set(result.applied.flatMap((a) => (a.code === null ? [] : [normalizeCode(a.code)])));
  const rejected = result.rejectedCodes.map((r) => r.code);
  check(new Set(rejected).size === rejected.length, 'a code rejected twice');
  for (const code of entered) {
    check(appliedCodes.has(code) !== rejected.includes(code), `code ${code} is not exactly one of applied or rejected`);
  }
  for (const rejection of result.rejectedCodes) {
    check(rejection.message.includes(`"${rejection.code}"`), `message for ${rejection.code} does not name it`);
  }
  return problems;
}
