/**
 * Applying a set of discounts in the one order the engine uses everywhere — PRODUCT, then
 * ORDER, then SHIPPING; within a class the discount worth most on its own first, then by id —
 * so the value the chooser compares is exactly the value the customer gets.
 */
import { applyDiscount, type Effect, type Remaining } from './apply-discount';
import type { DiscountClass, DiscountRule, EvaluationLine } from './types';

/** An eligible discount with what the engine needs to place and compare it. */
export interface Candidate {
  rule: DiscountRule;
  class: DiscountClass;
  /** Indexes of the lines the rule targets. */
  targeted: number[];
  /** Its amount if it were the only discount. */
  standaloneMinor: number;
}

/** A set of discounts as applied: entries in application order, and their total. */
export interface Application {
  applied: { candidate: Candidate; effect: Effect }[];
  totalMinor: number;
}

const CLASS_RANK: Record<DiscountClass, number> = { PRODUCT: 0, ORDER: 1, SHIPPING: 2 };

/** `candidates` sorted into application order (a new array). */
export function applicationOrder(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort(
    (a, b) => CLASS_RANK[a.class] - CLASS_RANK[b.class] || b.standaloneMinor - a.standaloneMinor || compareIds(a.rule.id, b.rule.id),
  );
}

/** Applies `ordered` one after another, each on what the previous ones left. */
export function applyInOrder(ordered: readonly Candidate[], lines: readonly EvaluationLine[], shippingMinor: number): Application {
  let remaining = fullBasket(lines, shippingMinor);
  let totalMinor = 0;
  const applied: Application['applied'] = [];
  for (const candidate of ordered) {
    const step = applyNext(candidate, lines, remaining);
    remaining = step.remaining;
    totalMinor += step.effect.amountMinor;
    applied.push({ candidate, effect: step.effect });
  }
  return { applied, totalMinor };
}

/** The basket before any discount. */
export function fullBasket(lines: readonly EvaluationLine[], shippingMinor: number): Remaining {
  return { lines: lines.map((line) => line.quantity * line.unitPriceMinor), shippingMinor };
}

/** One discount on `remaining`: what it took and what is left (a new object; `remaining` is kept). */
export function applyNext(
  candidate: Candidate,
  lines: readonly EvaluationLine[],
  remaining: Remaining,
): { effect: Effect; remaining: Remaining } {
  const effect = applyDiscount(candidate.rule.value, lines, candidate.targeted, remaining);
  return {
    effect,
    remaining: {
      lines: remaining.lines.map((amount, index) => amount - effect.lineAmounts[index]),
      shippingMinor: remaining.shippingMinor - effect.shippingMinor,
    },
  };
}

/** What `rule` would take off the basket alone. */
export function standaloneValue(
  rule: DiscountRule,
  lines: readonly EvaluationLine[],
  targeted: readonly number[],
  shippingMinor: number,
): number {
  return applyDiscount(rule.value, lines, targeted, fullBasket(lines, shippingMinor)).amountMinor;
}

/** Code-unit order, not locale order: the tie-break must not depend on the server's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
