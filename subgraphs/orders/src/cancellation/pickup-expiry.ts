/**
 * Pickups never collected: an order waiting at a store past its `pickupDeadline` has every unit
 * not yet handed over cancelled, its stock released and its money refunded, with order.cancelled
 * (reason "pickup expired") for the customer's message. Each order is claimed with SKIP LOCKED in
 * its own transaction and cancelled under the system key `pickup-expired:<order id>`, so two
 * sweepers racing cancel it once: one skips the row the other holds, and a late one finds the key.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import { acceptIn, type Accepted } from './accept';
import { hashOf } from './cancel';
import type { CancellationDeps } from './deps';
import { driveCancellation } from './saga';
import type { CancelRequest } from './types';

export const PICKUP_EXPIRED_REASON = 'pickup expired';

/** Cancels up to `batch` expired pickups; returns how many it cancelled. */
export async function sweepExpiredPickups(deps: CancellationDeps, batch = 20): Promise<number> {
  let cancelled = 0;
  for (let i = 0; i < batch; i += 1) {
    const accepted = await deps.em().transactional((em) => claimAndCancel(em, deps.leaseMs));
    if (accepted === 'NONE') break;
    // Refused or answered from its key: nothing changed, so the row would only be claimed again.
    if (!accepted.cancellationId) break;
    cancelled += 1;
    try {
      await driveCancellation(deps, accepted.cancellationId);
    } catch (error) {
      deps.logger.error({ err: error, cancellation: accepted.cancellationId }, 'expired pickup: steps left for the sweeper');
    }
  }
  return cancelled;
}

async function claimAndCancel(em: EntityManager, leaseMs: number): Promise<Accepted | 'NONE'> {
  const [row] = await sql<{ id: string }>(
    em,
    `select o.id from "${SCHEMA}"."order" o
      where o.status = 'OPEN' and o.pickup_deadline < now()
        and exists (select 1 from "${SCHEMA}"."fulfillment_order" fo where fo.order_id = o.id and fo.status = 'READY_FOR_PICKUP')
      order by o.pickup_deadline limit 1 for update of o skip locked`,
  );
  if (!row) return 'NONE';
  const request: CancelRequest = {
    orderId: row.id,
    lines: 'OPEN',
    reason: PICKUP_EXPIRED_REASON,
    refundTo: 'ORIGINAL',
    scope: 'system',
    idempotencyKey: `pickup-expired:${row.id}`,
    caller: { kind: 'system' },
  };
  return acceptIn(em, request, hashOf(request), leaseMs);
}
