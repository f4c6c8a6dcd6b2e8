/**
 * The checkout saga (ORDERS.md, "Checkout, as a saga"): reserve stock → reserve discount uses →
 * debit stored value → authorize the card → place the order (one local transaction) → commit
 * and capture. Each remote step writes `started` to the checkout row before its call, so whoever
 * resumes the checkout (this process, or the sweeper after a crash) knows what may have happened;
 * its result goes in with the next write to the row (the next step's start, placing the order or
 * the failure), one statement for both, and a step started and not done is undone by its key. A
 * failure before the order exists runs the compensations of every step that started, in reverse;
 * after it, the remaining steps are retried until done.
 *
 * A checkout driven for a caller keeps to the caller's deadline, which is shorter than the
 * gateway's: with too little time left for the next step, or for placing the order and
 * answering, it is undone and answered CHECKOUT_FAILED, so a caller whose request timed out
 * never finds an order placed later. Once the order stands, the capture and commits finish after
 * the answer when time is short.
 */
import {
  LeaseLostError,
  moveCheckout,
  readCheckout,
  recordSteps,
  type CheckoutRow,
  type FailureRecord,
  type StepRecord,
} from './checkout-row';
import { faultAfter, InjectedFault, type CheckoutDeps, type CheckoutStep } from './deps';
import { CheckoutErrorCode } from './errors';
import { placeOrder } from './place-order';
import { settleCheckout } from './settle';
import { authorizeCard, voidCard } from './steps/card';
import { releaseDiscounts, reserveDiscounts } from './steps/discounts';
import type { StepOutcome } from './steps/outcome';
import { releaseStock, reserveStock } from './steps/stock';
import { debitTender, undoTender } from './steps/stored-value';
import { isStoredValue } from '../payments';

interface ForwardStep {
  /** The key in the checkout row's `steps`. */
  record: string;
  /** The name the fault hook knows it by. */
  fault: CheckoutStep;
  /** The step writes its own start, with what it will ask, before its call (the stock step's placements). */
  recordsItsStart?: boolean;
  run(deps: CheckoutDeps, checkout: CheckoutRow): Promise<StepOutcome>;
}

function forwardSteps(checkout: CheckoutRow): ForwardStep[] {
  const tenders = checkout.plan.tenders;
  return [
    { record: 'stock', fault: 'stock', recordsItsStart: true, run: reserveStock },
    { record: 'discounts', fault: 'discounts', run: reserveDiscounts },
    ...tenders.flatMap((tender, index) =>
      isStoredValue(tender.method)
        ? [
            {
              record: `tender:${index}`,
              fault: 'stored-value' as const,
              run: (d: CheckoutDeps, c: CheckoutRow) => debitTender(d, c, index),
            },
          ]
        : [],
    ),
    ...tenders.flatMap((tender, index) =>
      tender.method === 'TEST_CARD'
        ? [{ record: `tender:${index}`, fault: 'card' as const, run: (d: CheckoutDeps, c: CheckoutRow) => authorizeCard(d, c, index) }]
        : [],
    ),
  ];
}

/** The caller's deadline as the saga reads it. */
export interface AnswerBy {
  /** Milliseconds until the caller's answer is due, never negative. */
  remainingMs(): number;
}

/** A remote step starts only with this much of the caller's time left: under load one can take most of a second. */
export const STEP_TIME_MS = 1_000;
/** The order is placed only with this much left, so that the answer reaches the caller before the gateway gives up on it. */
export const PLACE_TIME_MS = 500;
/** With less than this left once the order stands, the commits and the capture run after the answer. */
export const SETTLE_TIME_MS = 2_000;

const shortOf = (answerBy: AnswerBy | undefined, ms: number): boolean => answerBy !== undefined && answerBy.remainingMs() < ms;

/**
 * Takes the checkout as far as it goes from where it stands, within `answerBy` when a caller
 * waits for it (the sweeper has no caller, and no deadline). `known` is the row as just written,
 * if the caller has it. Answers the row as this process left it, or null when another process
 * may have moved it since. Throws only an injected crash (tests).
 */
export async function driveCheckout(
  deps: CheckoutDeps,
  checkoutId: string,
  answerBy?: AnswerBy,
  known?: CheckoutRow,
): Promise<CheckoutRow | null> {
  const checkout = known ?? (await readCheckout(deps.em(), { id: checkoutId }));
  if (!checkout) throw new Error(`no checkout ${checkoutId}`);
  try {
    if (checkout.state === 'RUNNING') return await runForward(deps, checkout, answerBy);
    else if (checkout.state === 'COMPENSATING') await compensate(deps, checkout);
    else if (checkout.state === 'PLACED') await settleCheckout(deps, checkout);
    return null;
  } catch (error) {
    if (error instanceof LeaseLostError) {
      deps.logger.warn({ checkout: checkoutId }, 'checkout taken over by another process');
      return null;
    }
    throw error;
  }
}

async function runForward(deps: CheckoutDeps, checkout: CheckoutRow, answerBy: AnswerBy | undefined): Promise<CheckoutRow | null> {
  // Results of steps that returned, not yet in the row: written with the next write to it.
  let unwritten: Record<string, StepRecord> = {};
  try {
    await faultAfter(deps, 'checkout');
    for (const step of forwardSteps(checkout)) {
      if (checkout.steps[step.record]?.done) continue;
      if (shortOf(answerBy, STEP_TIME_MS)) return await fail(deps, checkout, { userErrors: [outOfTimeError()] }, unwritten);
      // Keeps what an earlier run of the step wrote (the stock step's placements), so it asks again the same way.
      const started = { ...checkout.steps[step.record], started: true };
      if (!step.recordsItsStart || Object.keys(unwritten).length > 0) {
        await recordSteps(deps.em(), checkout.id, 'RUNNING', { ...unwritten, [step.record]: started }, deps.leaseMs);
        unwritten = {};
      }
      checkout.steps[step.record] = started;
      const outcome = await step.run(deps, checkout);
      if (!outcome.ok) return await fail(deps, checkout, { userErrors: outcome.userErrors }, unwritten);
      const record = { ...outcome.record, done: true };
      unwritten[step.record] = record;
      checkout.steps[step.record] = record;
      await faultAfter(deps, step.fault);
    }
  } catch (error) {
    if (error instanceof LeaseLostError || (error instanceof InjectedFault && error.crash)) throw error;
    deps.logger.error({ err: error, checkout: checkout.id }, 'checkout step failed; compensating');
    return fail(deps, checkout, { userErrors: [failedError()] }, unwritten);
  }
  if (shortOf(answerBy, PLACE_TIME_MS)) return fail(deps, checkout, { userErrors: [outOfTimeError()] }, unwritten);
  let placed: CheckoutRow;
  try {
    const orderId = await placeOrder(deps, checkout, unwritten);
    placed = { ...checkout, state: 'PLACED', order_id: orderId };
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    deps.logger.error({ err: error, checkout: checkout.id }, 'placing the order failed; compensating');
    return fail(deps, checkout, { userErrors: [failedError()] }, unwritten);
  }
  try {
    await faultAfter(deps, 'place');
    if (shortOf(answerBy, SETTLE_TIME_MS)) {
      void settleCheckout(deps, placed).catch((error: unknown) =>
        deps.logger.warn({ err: error, checkout: checkout.id }, 'settling the order failed; the sweeper retries'),
      );
      return placed;
    }
    await settleCheckout(deps, placed);
  } catch (error) {
    // The order stands; the sweeper finishes what is left.
    if (error instanceof InjectedFault && error.crash) throw error;
    deps.logger.warn({ err: error, checkout: checkout.id }, 'settling the order failed; the sweeper retries');
  }
  return placed;
}

const failedError = () => ({
  field: null,
  message: 'The checkout could not be completed; nothing was charged. Try again.',
  code: CheckoutErrorCode.CHECKOUT_FAILED,
});

const outOfTimeError = () => ({
  field: null,
  message: 'The shop was too busy to finish this checkout in time; everything it held was given back and nothing was charged. Try again.',
  code: CheckoutErrorCode.CHECKOUT_FAILED,
});

/** Moves the checkout to COMPENSATING (with the results not yet written) and undoes what started; answers the row so left. */
async function fail(
  deps: CheckoutDeps,
  checkout: CheckoutRow,
  failure: FailureRecord,
  unwritten: Record<string, StepRecord> = {},
): Promise<CheckoutRow> {
  if (!(await moveCheckout(deps.em(), checkout.id, 'RUNNING', 'COMPENSATING', { failure, leaseMs: deps.leaseMs, steps: unwritten }))) {
    throw new LeaseLostError(`checkout ${checkout.id} is no longer running`);
  }
  const failed: CheckoutRow = { ...checkout, state: 'COMPENSATING', failure };
  await compensate(deps, failed);
  return failed;
}

/**
 * Undoes, in reverse, every step that started: the card, stored value, discount uses, stock.
 * When all are undone the checkout is FAILED (and the cart free for another attempt); when a
 * service did not answer it stays COMPENSATING for the sweeper.
 */
export async function compensate(deps: CheckoutDeps, checkout: CheckoutRow): Promise<boolean> {
  const undo: (() => Promise<boolean>)[] = [];
  const steps = checkout.steps;
  if (steps.stock) undo.push(() => releaseStock(deps, checkout));
  if (steps.discounts) undo.push(() => releaseDiscounts(deps, checkout));
  checkout.plan.tenders.forEach((tender, index) => {
    const record = steps[`tender:${index}`];
    if (isStoredValue(tender.method)) undo.push(() => undoTender(deps, checkout, index, record));
  });
  checkout.plan.tenders.forEach((tender, index) => {
    if (tender.method === 'TEST_CARD') undo.push(() => voidCard(deps, checkout, index, steps[`tender:${index}`]));
  });
  let all = true;
  for (const step of undo.reverse()) {
    try {
      if (!(await step())) all = false;
    } catch (error) {
      deps.logger.error({ err: error, checkout: checkout.id }, 'checkout compensation failed; the sweeper retries');
      all = false;
    }
  }
  if (all) await moveCheckout(deps.em(), checkout.id, 'COMPENSATING', 'FAILED');
  return all;
}
