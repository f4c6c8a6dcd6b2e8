import { LockMode } from '@mikro-orm/core';
import type { Orm } from '#platform/db';
import { DiscountRedemption, RedemptionStatus } from '../entities';
import { endHolds } from './redemption.service';

/**
 * Gives back the uses of reservations whose time ran out, so a checkout that crashed between
 * reserving and committing never holds a discount's uses for ever. SKIP LOCKED lets any number
 * of replicas sweep side by side, each taking other rows; returns how many it expired. The
 * server runs it periodically (`redemptionSweepMs`).
 */
export async function sweepExpiredRedemptions(orm: Orm, batch = 100): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    const expired = await em.find(
      DiscountRedemption,
      { status: RedemptionStatus.RESERVED, expiresAt: { $lte: new Date() } },
      { orderBy: { expiresAt: 'asc' }, limit: batch, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    await endHolds(em, expired, RedemptionStatus.EXPIRED);
    await em.flush();
    return expired.length;
  });
}
