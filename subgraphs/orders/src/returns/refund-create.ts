/**
 * refundCreate's and refundSuggest's engine. refundCreate counts the units refunded, fixes the
 * money per line and per payment and writes refund.created in ONE transaction under the order's
 * lock (so concurrent refunds of the same units: one succeeds, the other finds nothing left),
 * then moves the money outside it (refund-saga.ts). A key already used answers its first refund.
 */
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { callerScope } from '#platform/auth';
import { idempotencyKeyErrors, isUniqueViolation, isUuid, requestHash, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import type { RefundDestination } from '../cancellation';
import { orderedPayments } from '../cancellation/accept';
import { plannedRefunds } from '../cancellation/cancellation-row';
import type { OrdersContext } from '../context';
import { Order, OrderLine, OrderReturn, PosSession } from '../entities';
import { appendOrderEvents } from '../order-events';
import type { PaymentMethod } from '../payments';
import { callerOf, keyMismatch, refuse } from './access';
import { ReturnErrorCode } from './errors';
import { planReturnRefund, type RefundPlanResult } from './refund-plan';
import { insertRefund, readRefund, refundedOnReturn, refundedShipping, type RefundRow } from './refund-row';
import { driveRefund } from './refund-saga';
import type { RefundRequest, RefundRowPlan } from './types';

async function planIn(
  em: EntityManager,
  order: Order,
  request: RefundRequest,
  refundTo: RefundDestination,
  returnId: string | null = null,
): Promise<RefundPlanResult> {
  const lines = await em.find(OrderLine, { orderId: order.id }, { orderBy: { position: 'asc' } });
  const payments = await orderedPayments(em, order.id);
  return planReturnRefund({
    order,
    lines,
    payments: payments.map((p) => ({ id: p.id, method: p.method as PaymentMethod, amountMinor: p.amountMinor })),
    planned: await plannedRefunds(em, order.id),
    shippingRefundedMinor: await refundedShipping(em, order.id),
    request,
    refundTo,
    returnId,
  });
}

/** The refund row's key: two requests for different orders under one key each hold their own order's lock, so both may try it. */
const REFUND_KEY = 'refund_caller_scope_idempotency_key_unique';

const refused = (result: Extract<RefundPlanResult, { ok: false }>) =>
  new UserErrorsException(result.errors.map((e) => new UserError(e.field, e.message, e.code)));

/** What refundCreate would give back now, and to which payments; changes nothing. Staff only. */
export async function suggestRefund(ctx: OrdersContext, request: RefundRequest): Promise<MutationOutcome<RefundRowPlan>> {
  if (!isUuid(request.orderId)) return { ok: false, userErrors: [new UserError(['orderId'], 'No order has this id', 'NOT_FOUND')] };
  const em = ctx.em.fork();
  const order = await em.findOne(Order, { id: request.orderId });
  if (!order) return { ok: false, userErrors: [new UserError(['orderId'], 'No order has this id', 'NOT_FOUND')] };
  const result = await planIn(em, order, request, 'ORIGINAL');
  if (!result.ok) return { ok: false, userErrors: refused(result).userErrors };
  return { ok: true, value: result.plan };
}

export interface RefundCreateArgs extends RefundRequest {
  refundTo: RefundDestination;
  /** The return the units came back on: the refund is linked to it (Return.refunds), and its lines must be on it. */
  returnId?: string | null;
  /** The till paying cash back: its open drawer session at the caller's store counts the cash going out. */
  deviceId?: string | null;
  idempotencyKey: string;
}

/** Refunds returned units (and shipping) by staff; the answer stands once committed, whatever payment step is left to the sweeper. */
export async function createRefund(ctx: OrdersContext, args: RefundCreateArgs): Promise<MutationOutcome<RefundRow>> {
  const errors = idempotencyKeyErrors(args.idempotencyKey);
  if (args.lines.length > 250) errors.push(new UserError(['lines'], 'Name at most 250 lines', 'TOO_MANY'));
  if (errors.length) return { ok: false, userErrors: errors };
  if (callerOf(ctx.viewer)?.kind !== 'staff' || !isUuid(args.orderId)) {
    return { ok: false, userErrors: [new UserError(['orderId'], 'No order has this id', 'NOT_FOUND')] };
  }
  const scope = callerScope(ctx.viewer);
  const returnId = args.returnId ?? null;
  if (returnId !== null && !isUuid(returnId)) {
    return { ok: false, userErrors: [new UserError(['returnId'], 'No return of this order has this id', 'NOT_FOUND')] };
  }
  const deviceId = args.deviceId?.trim() || null;
  if (deviceId !== null && (deviceId.length > 100 || !ctx.viewer.locationId)) {
    const why =
      deviceId.length > 100 ? 'Send the till’s id (1 to 100 characters)' : 'A till belongs to a store: refund as that store’s staff';
    return { ok: false, userErrors: [new UserError(['deviceId'], why, 'INVALID')] };
  }
  const drawer = deviceId
    ? await ctx.em.fork().findOne(PosSession, { deviceId, locationId: ctx.viewer.locationId!, closedAt: null })
    : null;
  const hash = requestHash({
    orderId: args.orderId,
    lines: args.lines,
    shipping: args.shipping,
    refundTo: args.refundTo,
    returnId,
    deviceId,
  });
  const leaseMs = ctx.checkout.leaseMs;
  const outcome = await runMutation(ctx, async ({ em }) => {
    const order = await em.findOne(Order, { id: args.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order) return refuse(['orderId'], 'No order has this id', 'NOT_FOUND');
    const earlier = await readRefund(em, { scope, key: args.idempotencyKey });
    if (earlier) return earlier.request_hash === hash ? earlier.id : keyMismatch(args.idempotencyKey);
    if (args.refundTo === 'STORE_CREDIT' && !order.customerId) {
      return refuse(['refundTo'], 'Store credit needs a customer; a guest order is refunded to its tenders', 'CUSTOMER_REQUIRED');
    }
    if (returnId) await requireOnReturn(em, order.id, returnId, args);
    const result = await planIn(em, order, args, args.refundTo, returnId);
    if (!result.ok) throw refused(result);
    const plan = { ...result.plan, posSessionId: drawer?.id ?? null };
    const lines = await em.find(OrderLine, { id: { $in: plan.lines.map((l) => l.orderLineId) } });
    for (const line of lines) line.quantityRefunded += plan.lines.find((l) => l.orderLineId === line.id)?.quantity ?? 0;
    const id = randomUUID();
    try {
      await insertRefund(em, { id, scope, key: args.idempotencyKey, hash, plan, leaseMs });
    } catch (error) {
      if (isUniqueViolation(error, REFUND_KEY)) keyMismatch(args.idempotencyKey);
      throw error;
    }
    await appendOrderEvents(em, order, [
      {
        type: 'refund.created',
        data: {
          refundId: id,
          lines: plan.lines.map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, quantity: l.quantity, amountMinor: l.amountMinor })),
          shippingMinor: plan.shippingMinor,
          refundedMinor: plan.refundTotalMinor,
          refundTo: plan.refundTo,
        },
      },
    ]);
    await em.flush();
    return id;
  });
  if (!outcome.ok) return outcome;
  await driveRefund(ctx.checkout, outcome.value);
  ctx.loaders.orderById.clear(args.orderId);
  const row = await readRefund(ctx.em.fork(), { id: outcome.value });
  if (!row) throw new Error(`refund ${outcome.value} vanished`);
  return { ok: true, value: row };
}

/**
 * The return is the order's, and every refunded line is on it with that many units back (restocked or damaged) that no
 * refund naming the return has refunded yet: Return.refunds never shows more than came back on it.
 */
async function requireOnReturn(em: EntityManager, orderId: string, returnId: string, request: RefundRequest): Promise<void> {
  const ret = await em.findOne(OrderReturn, { id: returnId, orderId });
  if (!ret) return refuse(['returnId'], 'No return of this order has this id', 'NOT_FOUND');
  const refunded = await refundedOnReturn(em, returnId);
  const refusals = request.lines.flatMap((line, index) => {
    const on = ret.lines.filter((l) => l.orderLineId === line.orderLineId);
    if (on.length === 0) return [new UserError(['lines', String(index), 'orderLineId'], 'This line is not on the return', 'INVALID')];
    const left = on.reduce((sum, l) => sum + l.restocked + l.damaged, 0) - (refunded.get(line.orderLineId) ?? 0);
    return line.quantity > left
      ? [
          new UserError(
            ['lines', String(index), 'quantity'],
            `Only ${Math.max(0, left)} unit(s) of this line came back on the return and are not refunded yet`,
            ReturnErrorCode.NOT_REFUNDABLE,
          ),
        ]
      : [];
  });
  if (refusals.length) throw new UserErrorsException(refusals);
}
