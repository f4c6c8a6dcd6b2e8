/**
 * orderCancel's and orderLinesCancel's engine, below GraphQL: replays a key's first answer,
 * refuses a key reused for other input, cancels the units in one local transaction (accept.ts),
 * then runs the remote steps (saga.ts). The answer stands once the local transaction committed:
 * whatever remote step is left, the sweeper finishes.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isUniqueViolation, requestHash } from '#platform/db';
import { acceptIn, answerOf } from './accept';
import { readCancellation } from './cancellation-row';
import type { CancellationDeps } from './deps';
import { driveCancellation } from './saga';
import type { CancelAnswer, CancelRequest } from './types';

/** The cancellation row's (caller_scope, idempotency_key) constraint. */
const KEY_CONSTRAINT = 'cancellation_caller_scope_idempotency_key_unique';

export const hashOf = (request: CancelRequest) =>
  requestHash({ orderId: request.orderId, lines: request.lines, reason: request.reason, refundTo: request.refundTo });

export async function cancel(deps: CancellationDeps, request: CancelRequest): Promise<CancelAnswer> {
  const hash = hashOf(request);
  const earlier = await readCancellation(deps.em(), { scope: request.scope, key: request.idempotencyKey });
  if (earlier) return replay(deps, answerOf(earlier, hash, request.idempotencyKey));
  let accepted;
  try {
    accepted = await deps.em().transactional((em) => acceptIn(em, request, hash, deps.leaseMs));
  } catch (error) {
    // The same key for another order, at the same moment: that one went in (the row is inserted by raw SQL).
    if (!isUniqueViolation(error, KEY_CONSTRAINT)) throw error;
    const row = await readCancellation(deps.em(), { scope: request.scope, key: request.idempotencyKey });
    if (!row) throw error;
    return answerOf(row, hash, request.idempotencyKey);
  }
  if (!accepted.cancellationId) return replay(deps, accepted.answer);
  await driveCancellation(deps, accepted.cancellationId);
  return accepted.answer;
}

/**
 * A duplicate of a request whose cancellation is still running waits (a while) for its steps,
 * so it sees the order as the first caller does; the answer itself is the first one's either way.
 */
async function replay(deps: CancellationDeps, answer: CancelAnswer, waitMs = 5_000): Promise<CancelAnswer> {
  if (!answer.ok) return answer;
  const until = Date.now() + waitMs;
  for (let pause = 10; Date.now() < until; pause = Math.min(pause * 2, 200)) {
    const row = await readCancellation(deps.em(), { id: answer.cancellationId });
    if (row?.state === 'COMPLETED') break;
    await sleep(pause);
  }
  return answer;
}
