import { LockMode } from '@mikro-orm/core';
import type { Orm } from '#platform/db';
import { Reservation, ReservationStatus } from '../entities';
import { releaseLines } from './reservation.service';

/**
 * Releases reservations whose time ran out, so a checkout that crashed between reserving and
 * committing never strands stock. SKIP LOCKED lets any number of replicas sweep side by side.
 * Runs every RESERVATION_SWEEP_MS (server.ts); returns how many it released.
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
