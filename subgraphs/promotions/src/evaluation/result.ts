/** Turns the chosen, applied discounts into the contract's result: per line, per discount, totals. */
import type { Application } from './apply-in-order';
import type { DiscountClass, EvaluationInput, EvaluationResult, LineResult } from './types';

/** The result for `input` once `application` is applied. */
export function buildResult(
  input: EvaluationInput,
  application: Application,
  rejectedCodes: EvaluationResult['rejectedCodes'],
): EvaluationResult {
  const lines: LineResult[] = input.lines.map((line) => ({
    id: line.id,
    subtotalMinor: line.quantity * line.unitPriceMinor,
    discountMinor: 0,
    totalMinor: 0,
    allocations: [],
  }));
  const byClass: Record<DiscountClass, number> = { PRODUCT: 0, ORDER: 0, SHIPPING: 0 };
  const applied = application.applied.map(({ candidate, effect }) => {
    const { rule } = candidate;
    effect.lineAmounts.forEach((amountMinor, index) => {
      if (amountMinor === 0) return;
      lines[index].allocations.push({ discountId: rule.id, amountMinor });
      lines[index].discountMinor += amountMinor;
    });
    byClass[candidate.class] += effect.amountMinor;
    return { discountId: rule.id, title: rule.title, code: rule.code, class: candidate.class, amountMinor: effect.amountMinor };
  });
  for (const line of lines) line.totalMinor = line.subtotalMinor - line.discountMinor;
  const subtotalMinor = lines.reduce((sum, line) => sum + line.subtotalMinor, 0);
  const shippingMinor = input.shippingMinor - byClass.SHIPPING;
  return {
    lines,
    applied,
    rejectedCodes,
    subtotalMinor,
    productDiscountMinor: byClass.PRODUCT,
    orderDiscountMinor: byClass.ORDER,
    shippingDiscountMinor: byClass.SHIPPING,
    totalDiscountMinor: byClass.PRODUCT + byClass.ORDER + byClass.SHIPPING,
    shippingMinor,
    totalMinor: subtotalMinor - byClass.PRODUCT - byClass.ORDER + shippingMinor,
  };
}
