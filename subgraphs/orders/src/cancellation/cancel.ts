/**
 * orderCancel's and orderLinesCancel's engine, below GraphQL: replays a key's first answer,
 * refuses a key reused for other input, cancels the units in one local transaction (accept.ts),
 * then runs the remote steps (saga.ts). The answer stands once the local transaction committed:
 * whatever remote step is left, the sweeper finishes.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { requestHash } from '#platform/db';
import { acceptIn, answerOf } from './accept';
import { readCancellation } from './cancellation-row';
import type { CancellationDeps } from './deps';
import { driveCancellation } from './saga';
import type { CancelAnswer, CancelRequest } from './types';

export const hashOf = (request: CancelRequest) =>
  requestHash({ orderId: request.orderId, lines: request.lines, reason: request.reason, refundTo: request.refundTo });

export async function cancel(deps: CancellationDeps, request: CancelRequest): Promise<CancelAnswer> {
  const hash = hashOf(request);
  const earlier = await readCancellation(deps.em(), { scope: request.scope, key: request.idempotencyKey });
  if (earlier) return answerOf(earlier, hash, request.idempotencyKey);
  let accepted;
  try {
    accepted = await deps.em().transactional((em) => acceptIn(em, request, hash, deps.leaseMs));
  } catch (error) {
    // The same key for another order, at the same moment: that one went in.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const row = await readCancellation(deps.em(), { scope: request.scope, key: request.idempotencyKey });
    if (!row) throw error;
    return answerOf(row, hash, request.idempotencyKey);
  }
  if (accepted.cancellationId) await driveCancellation(deps, accepted.cancellationId);
  return accepted.answer;
}
