import { LockMode } from '@mikro-orm/core';
import type { Logger, Orm } from '../../../platform/src';
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

export function startReservationSweeper(orm: Orm, logger: Logger, everyMs: number): { stop(): Promise<void> } {
  if (everyMs <= 0) return { stop: async () => {} };
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      try {
        const released = await sweepExpiredReservations(orm);
        if (released) logger.info({ released }, 'released expired reservations');
      } catch (error) {
        logger.error({ err: error }, 'reservation sweep failed');
      }
    });
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
