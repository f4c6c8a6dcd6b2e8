/**
 * Cash drawer sessions: a till opens with a float, its cash sales (handed over less change) and
 * cash refunds move the expected cash, and closing records what was counted against it. One open
 * session per device; staff of the store open and close, managers list a store's day.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireLocationAccess } from '#platform/auth';
import { isUuid, runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import { STORE_CREDIT_REFERENCE } from '../cancellation';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { PosSession } from '../entities';
import { OrdersErrorCode } from '../errors';

export async function openSession(
  ctx: OrdersContext,
  locationId: string,
  deviceId: string,
  floatMinor: number,
): Promise<MutationOutcome<PosSession>> {
  requireLocationAccess(ctx.viewer, locationId);
  const errors: UserError[] = [];
  if (!deviceId.trim() || deviceId.length > 100)
    errors.push(new UserError(['deviceId'], 'Send the till’s id (1 to 100 characters)', OrdersErrorCode.INVALID));
  if (floatMinor < 0) errors.push(new UserError(['openingFloat'], 'A float cannot be negative', OrdersErrorCode.INVALID));
  if (!isUuid(locationId)) errors.push(new UserError(['locationId'], 'No location has this id', OrdersErrorCode.NOT_FOUND));
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(
    ctx,
    async ({ em }) => {
      const session = Object.assign(new PosSession(), {
        locationId,
        deviceId: deviceId.trim(),
        openedBy: ctx.viewer.subject ?? 'unknown',
        openingFloatMinor: floatMinor,
        currencyCode: ctx.currencyCode,
      });
      await em.persistAndFlush(session);
      return session;
    },
    {
      onUniqueViolation: (constraint) =>
        constraint === 'pos_session_open_device_unique'
          ? new UserError(['deviceId'], 'This till has an open drawer session; close it first', OrdersErrorCode.SESSION_ALREADY_OPEN)
          : undefined,
    },
  );
}

export async function closeSession(ctx: OrdersContext, sessionId: string, countedMinor: number): Promise<MutationOutcome<PosSession>> {
  const found = isUuid(sessionId) ? await ctx.em.fork().findOne(PosSession, { id: sessionId }) : null;
  if (!found) return { ok: false, userErrors: [new UserError(['sessionId'], 'No drawer session has this id', OrdersErrorCode.NOT_FOUND)] };
  requireLocationAccess(ctx.viewer, found.locationId);
  if (countedMinor < 0)
    return { ok: false, userErrors: [new UserError(['counted'], 'A count cannot be negative', OrdersErrorCode.INVALID)] };
  return runMutation(ctx, async ({ em }) => {
    const session = await em.findOneOrFail(PosSession, { id: sessionId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (session.closedAt) {
      if (session.countedMinor === countedMinor) return session;
      throw new UserErrorsException([new UserError(['sessionId'], 'The drawer session is closed already', OrdersErrorCode.SESSION_CLOSED)]);
    }
    session.expectedMinor = await expectedCash(em, session);
    session.countedMinor = countedMinor;
    session.differenceMinor = countedMinor - session.expectedMinor;
    session.closedAt = new Date();
    session.closedBy = ctx.viewer.subject;
    await em.flush();
    return session;
  });
}

/**
 * The float, plus the cash the session's sales kept (handed over less change), less cash given
 * back: a refund counts against the drawer that paid it out (the till named at refundCreate),
 * else against the drawer of the sale; one given as store credit took no cash out of any drawer.
 */
export async function expectedCash(em: EntityManager, session: PosSession): Promise<number> {
  const [row] = await sql<{ kept: string }>(
    em,
    `select coalesce(sum(case when e.kind = 'SALE' then e.amount_minor when e.kind = 'CHANGE' then -e.amount_minor
                              when e.kind = 'REFUND' and coalesce(e.provider_reference, '') not like ? then -e.amount_minor else 0 end), 0) as kept
       from "${SCHEMA}"."payment_event" e
       join "${SCHEMA}"."payment" p on p.id = e.payment_id and p.method = 'CASH'
       join "${SCHEMA}"."order" o on o.id = p.order_id
      where e.status = 'SUCCEEDED' and (e.pos_session_id = ? or (e.pos_session_id is null and o.pos_session_id = ?))`,
    [`${STORE_CREDIT_REFERENCE}%`, session.id, session.id],
  );
  return session.openingFloatMinor + Number(row.kept);
}

/** A store's sessions opened on one day (UTC), newest first. */
export async function listSessions(ctx: OrdersContext, locationId: string, day: Date): Promise<PosSession[]> {
  requireLocationAccess(ctx.viewer, locationId);
  if (!isUuid(locationId)) return [];
  const from = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const to = new Date(from.getTime() + 86_400_000);
  return ctx.em.find(PosSession, { locationId, openedAt: { $gte: from, $lt: to } }, { orderBy: { openedAt: 'desc' } });
}
