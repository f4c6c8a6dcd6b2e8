import { LockMode } from '@mikro-orm/core';
import type { Orm } from '#platform/db';
import { startPeriodicTask, type Logger, type PeriodicTask } from '#platform/runtime';
import { Reservation, ReservationStatus } from '../entities';
import { releaseLines } from './reservation.service';

/**
 * Releases reservations whose time ran out, so a checkout that crashed between reserving and
 * committing never strands stock. SKIP LOCKED lets any number of replicas sweep side by side.
 */
export async function sweepExpiredReservations(orm: Orm, batch = 100): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    const expired = await em.find(
      Reservation,
      { status: ReservationStatus.PENDING, expiresAt: { $lte: new Date() } },
      { orderBy: { expiresAt: 'asc' }, limit: batch, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    for (const reservation of expired) await releaseLines(em, reservation, ReservationStatus.EXPIRED);
    await em.flush();
    return expired.length;
  });
}

export function startReservationSweeper(orm: Orm, logger: Logger, everyMs: number): PeriodicTask {
  return startPeriodicTask('expired reservation release', everyMs, logger, () => sweepExpiredReservations(orm));
}
