/**
 * Rounding: percentages are rounded half up on each line (or, for buy X get Y, each unit);
 * order-level amounts are rounded once, then split across lines by exact largest-remainder
 * allocation. Every amount is an integer of minor units and no cent is created or lost.
 */
import { standaloneValue, type Candidate } from './apply-in-order';
import { codeRejections } from './code-rejections';
import { enteredCodes, normalizeCode } from './codes';
import { chooseDiscounts } from './combine';
import { discountClass } from './discount-class';
import { checkEligibility } from './eligibility';
import type { Ineligibility } from './rejection';
import { buildResult } from './result';
import { targetedLineIndexes } from './targets';
import type { DiscountRule, EvaluationInput, EvaluationResult } from './types';
import { assertValidInput } from './validate';

/**
 * Prices `input` with the best combination of `rules` (every automatic discount that might apply
 * plus those whose code was entered) and explains each entered code that gives nothing.
 * Throws EvaluationInputError on malformed input; never touches I/O or the clock.
 */
export function evaluate(rules: DiscountRule[], input: EvaluationInput): EvaluationResult {
  assertValidInput(rules, input);
  const codes = enteredCodes(input.codes);
  const entered = new Set(codes);
  // A code-only discount whose code was not entered must not apply, even if the caller passed it.
  const considered = rules.filter((rule) => rule.code === null || entered.has(normalizeCode(rule.code)));
  const ineligible = new Map<DiscountRule, Ineligibility>();
  const candidates: Candidate[] = [];
  for (const rule of considered) {
    const targeted = targetedLineIndexes(rule.target, input.lines);
    const why = checkEligibility(rule, input, targeted);
    if (why !== null) {
      ineligible.set(rule, why);
      continue;
    }
    const standaloneMinor = standaloneValue(rule, input.lines, targeted, input.shippingMinor);
    if (standaloneMinor === 0) {
      ineligible.set(rule, { reason: 'NOT_APPLICABLE', noTargetedLine: false });
      continue;
    }
    candidates.push({ rule, class: discountClass(rule.value), targeted, standaloneMinor });
  }
  const application = chooseDiscounts(candidates, input.lines, input.shippingMinor);
  return buildResult(input, application, codeRejections(codes, considered, ineligible, application));
}
