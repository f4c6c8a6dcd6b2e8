/**
 * Chooses which eligible discounts apply: the set whose members all combine with each other and
 * that takes the most off for the customer. Values interact (a percentage after a fixed amount
 * is worth less), so each set is valued by really applying it in order.
 *
 * Up to EXACT_SEARCH_LIMIT candidates every combinable set is tried (at most 4,096). Beyond that
 * the search is greedy. Ties go to fewer discounts (less to explain, fewer usages spent), then
 * to the lexicographically smaller sorted list of ids, so the answer never depends on the order
 * rules arrived in.
 */
import type { Remaining } from './apply-discount';
import { applicationOrder, applyInOrder, applyNext, compareIds, fullBasket, type Application, type Candidate } from './apply-in-order';
import { combinable } from './discount-class';
import type { EvaluationLine } from './types';

/** Above this many candidates, 2^n sets are too many to try on every cart change. */
export const EXACT_SEARCH_LIMIT = 12;

/** The best combinable set, applied; discounts that end up taking nothing are left out. */
export function chooseDiscounts(candidates: readonly Candidate[], lines: readonly EvaluationLine[], shippingMinor: number): Application {
  const best =
    candidates.length <= EXACT_SEARCH_LIMIT
      ? exactSearch(candidates, lines, shippingMinor)
      : greedySearch(candidates, lines, shippingMinor);
  // A discount that took nothing changed nothing, so dropping it leaves every other amount as is.
  return { applied: best.applied.filter((entry) => entry.effect.amountMinor > 0), totalMinor: best.totalMinor };
}

/**
 * Depth-first over combinable sets, taking candidates in application order: a candidate added
 * to a set is then always applied last, so each step applies one discount to the state its
 * parent left instead of re-applying the whole set.
 */
function exactSearch(candidates: readonly Candidate[], lines: readonly EvaluationLine[], shippingMinor: number): Application {
  const ordered = applicationOrder(candidates);
  let best: Application = { applied: [], totalMinor: 0 };
  const path: Application['applied'] = [];
  const extend = (from: number, remaining: Remaining, totalMinor: number): void => {
    for (let i = from; i < ordered.length; i += 1) {
      const next = ordered[i];
      if (!path.every((entry) => combinable(entry.candidate.rule, next.rule))) continue;
      const step = applyNext(next, lines, remaining);
      path.push({ candidate: next, effect: step.effect });
      const application = { applied: path, totalMinor: totalMinor + step.effect.amountMinor };
      if (isBetter(application, best)) best = { ...application, applied: [...path] };
      extend(i + 1, step.remaining, application.totalMinor);
      path.pop();
    }
  };
  extend(0, fullBasket(lines, shippingMinor), 0);
  return best;
}

/**
 * Dearest first, a candidate joins when it combines with everything chosen and raises the
 * total: a member that adds nothing could still block a later one that would have added value.
 */
function greedySearch(candidates: readonly Candidate[], lines: readonly EvaluationLine[], shippingMinor: number): Application {
  const ranked = [...candidates].sort((a, b) => b.standaloneMinor - a.standaloneMinor || compareIds(a.rule.id, b.rule.id));
  const chosen: Candidate[] = [];
  let best = applyInOrder([], lines, shippingMinor);
  for (const next of ranked) {
    if (!chosen.every((member) => combinable(member.rule, next.rule))) continue;
    const application = applyInOrder(applicationOrder([...chosen, next]), lines, shippingMinor);
    if (application.totalMinor > best.totalMinor) {
      chosen.push(next);
      best = application;
    }
  }
  return best;
}

/** More off wins; then fewer discounts; then the smaller sorted list of ids. */
function isBetter(a: Application, b: Application): boolean {
  if (a.totalMinor !== b.totalMinor) return a.totalMinor > b.totalMinor;
  if (a.applied.length !== b.applied.length) return a.applied.length < b.applied.length;
  const idsA = sortedIds(a);
  const idsB = sortedIds(b);
  for (let i = 0; i < idsA.length; i += 1) {
    const order = compareIds(idsA[i], idsB[i]);
    if (order !== 0) return order < 0;
  }
  return false;
}

function sortedIds(application: Application): string[] {
  return application.applied.map((entry) => entry.candidate.rule.id).sort(compareIds);
}
