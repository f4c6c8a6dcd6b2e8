/**
 * Staff answer a customer's return request: approve it (OPEN, at the store that will take the
 * units) or decline it (DECLINED, the units free to be returned another time), under the order's
 * lock; a request naming a store is answered by that store's staff. Asking again for what is
 * already so answers the return as it is.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireLocationAccess } from '#platform/auth';
import { isUuid, runMutation, type MutationOutcome } from '#platform/db';
import { UserError } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { Order, OrderLine, OrderReturn } from '../entities';
import { refuse } from './access';
import { ReturnErrorCode } from './errors';

/** The return and its order, both locked (the order first, as every writer of the order does). */
export async function lockedReturn(em: EntityManager, returnId: string): Promise<{ order: Order; ret: OrderReturn }> {
  const found = isUuid(returnId) ? await em.findOne(OrderReturn, { id: returnId }) : null;
  if (!found) return refuse(['returnId'], 'No return has this id', 'NOT_FOUND');
  const order = await em.findOneOrFail(Order, { id: found.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  await em.refresh(found);
  return { order, ret: found };
}

export async function approveReturn(
  ctx: OrdersContext,
  returnId: string,
  locationId: string | null,
): Promise<MutationOutcome<OrderReturn>> {
  if (locationId !== null) {
    if (!isUuid(locationId)) return { ok: false, userErrors: [new UserError(['locationId'], 'No location has this id', 'NOT_FOUND')] };
    requireLocationAccess(ctx.viewer, locationId);
  }
  return runMutation(ctx, async ({ em }) => {
    const { ret } = await lockedReturn(em, returnId);
    if (ret.status === 'OPEN' && (locationId === null || locationId === ret.locationId)) return ret;
    if (ret.status !== 'REQUESTED')
      return refuse(['returnId'], `The return is ${ret.status}, not REQUESTED`, ReturnErrorCode.RETURN_NOT_OPEN);
    const place = locationId ?? ret.locationId;
    if (!place) return refuse(['locationId'], 'Name the store that takes the return', 'BLANK');
    // The customer's choice of store binds its staff as a named one does: staff elsewhere cannot open it there.
    requireLocationAccess(ctx.viewer, place);
    ret.status = 'OPEN';
    ret.locationId = place;
    ret.updatedAt = new Date();
    await em.flush();
    return ret;
  });
}

export async function declineReturn(ctx: OrdersContext, returnId: string, reason: string): Promise<MutationOutcome<OrderReturn>> {
  const why = reason.trim();
  if (!why) return { ok: false, userErrors: [new UserError(['reason'], 'Say why the return is declined', 'BLANK')] };
  if (why.length > 500) return { ok: false, userErrors: [new UserError(['reason'], 'A reason of at most 500 characters', 'TOO_LONG')] };
  return runMutation(ctx, async ({ em }) => {
    const { ret } = await lockedReturn(em, returnId);
    if (ret.status === 'DECLINED') return ret;
    if (ret.status !== 'REQUESTED')
      return refuse(['returnId'], `The return is ${ret.status}, not REQUESTED`, ReturnErrorCode.RETURN_NOT_OPEN);
    // A request naming a store is that store's to answer, as approving it is; one naming none, any staff's.
    if (ret.locationId) requireLocationAccess(ctx.viewer, ret.locationId);
    const lines = await em.find(OrderLine, { id: { $in: ret.lines.map((l) => l.orderLineId) } });
    for (const line of lines) line.quantityReturnRequested -= ret.lines.find((l) => l.orderLineId === line.id)?.quantity ?? 0;
    ret.status = 'DECLINED';
    ret.declineReason = why;
    ret.updatedAt = new Date();
    await em.flush();
    return ret;
  });
}
