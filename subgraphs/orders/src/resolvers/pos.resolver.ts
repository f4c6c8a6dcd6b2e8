import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '#platform/auth';
import { MoneyFormatError, MoneyInput, parseMinorUnits, UserError } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { OrdersErrorCode } from '../errors';
import { PosOfflineOrderInput, PosOrderCreateInput } from '../inputs/pos.input';
import { PosOrderCreatePayload, PosOrdersSyncPayload, PosSessionClosePayload, PosSessionOpenPayload } from '../payloads/pos.payloads';
import { closeSession, listSessions, openSession } from '../pos/cash-drawer';
import { syncOfflineSales } from '../pos/offline-sync';
import { sellAtTill } from '../pos/till-sale';
import { sessionView } from '../pos/views';
import { PosSessionView, PosSyncStatus } from '../types/pos.types';

/** The minor units of `value`, or the userError that says why not. */
function minorOf(ctx: OrdersContext, value: MoneyInput, field: string): { ok: true; minor: number } | { ok: false; error: UserError } {
  try {
    return { ok: true, minor: parseMinorUnits(value.amount, ctx.currencyCode) };
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
    return { ok: false, error: new UserError([field], error.message, OrdersErrorCode.INVALID) };
  }
}

/** Selling at the till, and its cash drawer. */
@Resolver()
export class PosResolver {
  @Mutation(() => PosOrderCreatePayload, {
    description:
      'Sells at the till of the store in the staff token: priced as on every channel for POS, paid with any mix of tenders, and handed over at once (the goods leave stock there as a sale). One order per `clientOrderId`; the same key replays the first answer.',
  })
  @Authorized(STAFF_ROLES)
  async posOrderCreate(
    @Ctx() ctx: OrdersContext,
    @Arg('input', () => PosOrderCreateInput, { description: 'The sale.' }) input: PosOrderCreateInput,
    @Arg('idempotencyKey', () => String, { description: 'Required: a retry with the same key answers the same order.' })
    idempotencyKey: string,
  ) {
    const outcome = await sellAtTill(ctx, input, idempotencyKey);
    return outcome.ok ? { order: outcome.order, userErrors: [] } : { userErrors: outcome.userErrors };
  }

  @Mutation(() => PosOrdersSyncPayload, {
    description:
      'Records up to 250 sales a till made offline, each exactly once per clientOrderId, as the till made them (its prices, discounts and sale time stand; what differs is flagged). One result per sale; one failing never stops the rest.',
  })
  @Authorized(STAFF_ROLES)
  async posOrdersSync(
    @Ctx() ctx: OrdersContext,
    @Arg('deviceId', () => String, { description: 'The till that made the sales.' }) deviceId: string,
    @Arg('orders', () => [PosOfflineOrderInput], { description: 'The sales, oldest first, at most 250.' }) orders: PosOfflineOrderInput[],
  ) {
    const outcome = await syncOfflineSales(ctx, deviceId, orders);
    if (!outcome.ok) return { userErrors: outcome.userErrors };
    return {
      results: outcome.results.map((r) => ({ ...r, status: r.status as PosSyncStatus })),
      userErrors: [],
    };
  }

  @Mutation(() => PosSessionOpenPayload, {
    description: 'Opens a cash drawer session at a till of the store, with its float; one open session per till.',
  })
  @Authorized(STAFF_ROLES)
  async posSessionOpen(
    @Ctx() ctx: OrdersContext,
    @Arg('locationId', () => ID, { description: 'The store.' }) locationId: string,
    @Arg('deviceId', () => String, { description: 'The till.' }) deviceId: string,
    @Arg('openingFloat', () => MoneyInput, { description: 'The cash in the drawer at opening.' }) openingFloat: MoneyInput,
  ) {
    const float = minorOf(ctx, openingFloat, 'openingFloat');
    if (!float.ok) return { userErrors: [float.error] };
    const outcome = await openSession(ctx, locationId, deviceId, float.minor);
    return outcome.ok ? { session: await sessionView(ctx.em, outcome.value), userErrors: [] } : { userErrors: outcome.userErrors };
  }

  @Mutation(() => PosSessionClosePayload, {
    description:
      'Closes a drawer session with the cash counted: expected cash (float, cash kept from sales, less cash refunds) against it, the difference recorded.',
  })
  @Authorized(STAFF_ROLES)
  async posSessionClose(
    @Ctx() ctx: OrdersContext,
    @Arg('sessionId', () => ID, { description: 'The session.' }) sessionId: string,
    @Arg('counted', () => MoneyInput, { description: 'The cash counted in the drawer.' }) counted: MoneyInput,
  ) {
    const amount = minorOf(ctx, counted, 'counted');
    if (!amount.ok) return { userErrors: [amount.error] };
    const outcome = await closeSession(ctx, sessionId, amount.minor);
    return outcome.ok ? { session: await sessionView(ctx.em, outcome.value), userErrors: [] } : { userErrors: outcome.userErrors };
  }

  @Query(() => [PosSessionView], {
    description: "A store's drawer sessions opened on a day (UTC), newest first: staff of that store, managers any.",
  })
  @Authorized(STAFF_ROLES)
  async posSessions(
    @Ctx() ctx: OrdersContext,
    @Arg('locationId', () => ID, { description: 'The store.' }) locationId: string,
    @Arg('date', () => Date, { description: 'Any instant of the day.' }) date: Date,
  ): Promise<PosSessionView[]> {
    const sessions = await listSessions(ctx, locationId, date);
    return Promise.all(sessions.map((session) => sessionView(ctx.em, session)));
  }
}
