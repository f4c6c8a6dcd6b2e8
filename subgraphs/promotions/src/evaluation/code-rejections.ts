/**
 * The verdict on each code entered that ends up giving nothing. A code that was eligible but
 * lost to a better set is NOT_COMBINABLE only when something applied refuses to stack with it;
 * if everything applied would have stacked, it simply had nothing left to take.
 */
import type { Application } from './apply-in-order';
import { normalizeCode } from './codes';
import { combinable } from './discount-class';
import { rejectCode, type Ineligibility } from './rejection';
import type { DiscountRule, EvaluationResult } from './types';

/** One entry per entered code (normalised, deduplicated) that no applied discount carries. */
export function codeRejections(
  codes: readonly string[],
  considered: readonly DiscountRule[],
  ineligible: ReadonlyMap<DiscountRule, Ineligibility>,
  application: Application,
): EvaluationResult['rejectedCodes'] {
  const appliedRules = application.applied.map((entry) => entry.candidate.rule);
  const rejections: EvaluationResult['rejectedCodes'] = [];
  for (const code of codes) {
    const matching = considered.filter((rule) => rule.code !== null && normalizeCode(rule.code) === code);
    if (matching.some((rule) => appliedRules.includes(rule))) continue;
    if (matching.length === 0) {
      rejections.push(rejectCode(code, { reason: 'UNKNOWN' }));
      continue;
    }
    // Codes are unique in the catalogue; should two rules share one, the first speaks for both.
    const rule = matching[0];
    rejections.push(rejectCode(code, ineligible.get(rule) ?? notChosen(rule, appliedRules)));
  }
  return rejections;
}

function notChosen(rule: DiscountRule, appliedRules: readonly DiscountRule[]): Ineligibility {
  const blockers = appliedRules.filter((other) => !combinable(rule, other));
  return blockers.length > 0
    ? { reason: 'NOT_COMBINABLE', betterTitles: blockers.map((other) => other.title) }
    : { reason: 'NOT_APPLICABLE', noTargetedLine: false };
}
