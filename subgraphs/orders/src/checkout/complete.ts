/**
 * checkoutComplete's engine, below GraphQL: replays a key's first answer, refuses a key reused
 * for other input, answers a completed cart with its order, validates, writes the checkout row
 * and drives the saga. Two callers racing on one cart meet at the database (the live-checkout
 * index): the one whose row went in runs the saga, the other waits for it and answers the same
 * order.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { IDEMPOTENCY_KEY_MISMATCH, requestHash, sql } from '#platform/db';
import { SCHEMA } from '../constants';
import { insertCheckout, readCheckout, type CheckoutRow } from './checkout-row';
import type { AdmissionDeadline } from './admission';
import type { CheckoutDeps } from './deps';
import { CheckoutErrorCode } from './errors';
import { driveCheckout } from './saga';
import type { StepUserError } from './steps/outcome';
import type { CheckoutInput, PricedCart } from './types';
import { checkoutProblems, orderTenders, type CheckoutCaller } from './validate';

export interface CheckoutRequest {
  /** Whose key it is: `customer:<id>`, `staff:<id>`, or for a guest `guest-cart:<id>`. */
  scope: string;
  idempotencyKey: string;
  input: CheckoutInput;
  caller: CheckoutCaller;
  /**
   * An online shopper's pickup: the hold at the store checks that it still offers pickup to online
   * shoppers (its pricing read no stock). Not for a till sale or an exchange handed over where it
   * is settled.
   */
  requirePickup?: boolean;
  /** Prices the cart afresh; called only when a new checkout may start. */
  price(): Promise<PricedCart>;
  /** How long to wait for another caller's checkout of the same cart. */
  waitMs?: number;
  /**
   * The request's deadline: a checkout that could not finish within it does not start (the caller
   * is told nothing changed), and one that runs short of it is undone before its order is placed.
   */
  deadline?: AdmissionDeadline;
}

export type CheckoutAnswer = { ok: true; orderId: string } | { ok: false; userErrors: StepUserError[] };

const mismatch = (key: string): CheckoutAnswer => ({
  ok: false,
  userErrors: [
    {
      field: ['idempotencyKey'],
      message: `Idempotency key "${key}" was already used for a different request`,
      code: IDEMPOTENCY_KEY_MISMATCH,
    },
  ],
});

export function completeCheckout(deps: CheckoutDeps, request: CheckoutRequest): Promise<CheckoutAnswer> {
  if (!deps.admission) return completeNow(deps, request);
  // Admission refuses a checkout whose turn comes too late (an expired deadline among them).
  return deps.admission.run(() => completeNow(deps, request), request.deadline);
}

async function completeNow(deps: CheckoutDeps, request: CheckoutRequest): Promise<CheckoutAnswer> {
  const { scope, idempotencyKey, input } = request;
  const hash = requestHash(input);
  const waitMs = request.waitMs ?? 6_000;
  const { earlier, placed } = await startingPoint(deps, scope, idempotencyKey, input.cartId);
  if (earlier) return earlier.requestHash === hash ? waitForAnswer(deps, earlier.id, waitMs) : mismatch(idempotencyKey);
  if (placed) return { ok: true, orderId: placed };

  const cart = await request.price();
  const problems = checkoutProblems(cart, input, request.caller);
  if (problems.length)
    return { ok: false, userErrors: problems.map((e) => ({ field: e.field ?? null, message: e.message, code: e.code })) };
  const plan = {
    cart,
    tenders: orderTenders(input.tenders),
    email: input.email ?? cart.email,
    pos: input.pos ?? null,
    requirePickup: request.requirePickup === true,
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const row = await insertCheckout(deps.em(), {
      id: randomUUID(),
      cartId: input.cartId,
      callerScope: scope,
      idempotencyKey,
      requestHash: hash,
      plan,
      leaseMs: deps.leaseMs,
    });
    if (row) {
      const left = await driveCheckout(deps, row.id, request.deadline, row);
      return (left && answerFrom(left)) ?? answerOf(deps, row.id);
    }
    // Lost a race: the same key from a concurrent retry, or another checkout of this cart.
    const sameKey = await readCheckout(deps.em(), { scope, key: idempotencyKey });
    if (sameKey) return sameKey.request_hash === hash ? waitForAnswer(deps, sameKey.id, waitMs) : mismatch(idempotencyKey);
    const live = await readCheckout(deps.em(), { liveCart: input.cartId });
    if (live) {
      const answer = await waitForAnswer(deps, live.id, waitMs);
      // The other attempt failed (a declined card…): this one may still go, with its own tenders.
      if (answer.ok || answer.userErrors.some((e) => e.code === CheckoutErrorCode.CHECKOUT_IN_PROGRESS)) return answer;
    }
  }
  return inProgress();
}

const inProgress = (): CheckoutAnswer => ({
  ok: false,
  userErrors: [
    {
      field: ['cartId'],
      message: 'This cart is being checked out; ask again with the same key',
      code: CheckoutErrorCode.CHECKOUT_IN_PROGRESS,
    },
  ],
});

/** The checkout this key started, if any, and the order the cart became, if any: one statement. */
async function startingPoint(
  deps: CheckoutDeps,
  scope: string,
  key: string,
  cartId: string,
): Promise<{ earlier: { id: string; requestHash: string } | null; placed: string | null }> {
  const [row] = await sql<{ id: string | null; request_hash: string | null; placed: string | null }>(
    deps.em(),
    `select c.id, c.request_hash, (select id from "${SCHEMA}"."order" where cart_id = ?) as placed
       from (values (1)) as one left join "${SCHEMA}"."checkout" c on c.caller_scope = ? and c.idempotency_key = ?`,
    [cartId, scope, key],
  );
  return { earlier: row.id ? { id: row.id, requestHash: row.request_hash ?? '' } : null, placed: row.placed };
}

/** The answer a finished checkout gives: its order, or why it failed. */
function answerFrom(row: CheckoutRow): CheckoutAnswer | null {
  if (row.order_id && (row.state === 'PLACED' || row.state === 'COMPLETED')) return { ok: true, orderId: row.order_id };
  if (row.failure && (row.state === 'FAILED' || row.state === 'COMPENSATING')) return { ok: false, userErrors: row.failure.userErrors };
  return null;
}

async function answerOf(deps: CheckoutDeps, id: string): Promise<CheckoutAnswer> {
  const row = await readCheckout(deps.em(), { id });
  return (row && answerFrom(row)) ?? inProgress();
}

async function waitForAnswer(deps: CheckoutDeps, id: string, waitMs: number): Promise<CheckoutAnswer> {
  const until = Date.now() + waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    const row = await readCheckout(deps.em(), { id });
    const answer = row && answerFrom(row);
    if (answer) return answer;
    if (Date.now() >= until) return inProgress();
    await sleep(pause);
  }
}
