/**
 * returnCreate (staff at a store, any order of any channel) and returnRequest (a customer, their
 * own order, within the return window): in ONE transaction under the order's lock, the units are
 * counted as on a return (so the same units cannot be returned twice, even by concurrent callers),
 * the return is recorded and return.requested goes to the outbox. Only units that left can come
 * back; what never left is cancelled instead (orderLinesCancel). A key already used answers its
 * first return.
 */
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { callerScope, requireLocationAccess } from '#platform/auth';
import { idempotencyKeyErrors, isUuid, requestHash, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { Fulfillment, Order, OrderLine, OrderReturn, type ReturnLineData } from '../entities';
import { appendOrderEvents } from '../order-events';
import { callerOf, keyMismatch, keyTakenMeanwhile, refuse } from './access';
import { ReturnErrorCode } from './errors';
import type { ReturnLineRequest } from './types';

export interface ReturnCreateArgs {
  orderId: string;
  lines: readonly ReturnLineRequest[];
  /** The store the units come back to; staff must work there. A customer may leave it to staff. */
  locationId: string | null;
  idempotencyKey: string;
}

/** Units of a line that left and are neither back nor on a return already. */
export const returnableUnits = (line: OrderLine) => line.quantityFulfilled - line.quantityReturned - line.quantityReturnRequested;

const DAY_MS = 86_400_000;

/** Opens a return (staff: OPEN at `locationId`; a customer: REQUESTED, for staff to approve). */
export async function createReturn(ctx: OrdersContext, args: ReturnCreateArgs): Promise<MutationOutcome<OrderReturn>> {
  const caller = callerOf(ctx.viewer);
  const errors = [...idempotencyKeyErrors(args.idempotencyKey), ...linesErrors(args.lines)];
  if (errors.length) return { ok: false, userErrors: errors };
  if (!caller || !isUuid(args.orderId)) return { ok: false, userErrors: [new UserError(['orderId'], 'No order has this id', 'NOT_FOUND')] };
  if (args.locationId !== null && !isUuid(args.locationId)) {
    return { ok: false, userErrors: [new UserError(['locationId'], 'No location has this id', 'NOT_FOUND')] };
  }
  if (caller.kind === 'staff') {
    if (!args.locationId) return { ok: false, userErrors: [new UserError(['locationId'], 'Name the store taking the return', 'BLANK')] };
    requireLocationAccess(ctx.viewer, args.locationId);
  }
  const scope = callerScope(ctx.viewer);
  const hash = requestHash({ orderId: args.orderId, lines: args.lines, locationId: args.locationId });
  return runMutation(
    ctx,
    async ({ em }) => {
      const order = await em.findOne(Order, { id: args.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!order || (caller.kind === 'customer' && order.customerId !== caller.customerId)) {
        return refuse(['orderId'], 'No order has this id', 'NOT_FOUND');
      }
      const earlier = await em.findOne(OrderReturn, { callerScope: scope, idempotencyKey: args.idempotencyKey });
      if (earlier) return earlier.requestHash === hash ? earlier : keyMismatch(args.idempotencyKey);
      if (caller.kind === 'customer') await requireWithinWindow(em, order.id, ctx.returnWindowDays);

      const orderLines = await em.find(OrderLine, { orderId: order.id });
      const lines: ReturnLineData[] = [];
      const refusals: UserError[] = [];
      args.lines.forEach((wanted, index) => {
        const field = ['lines', String(index)];
        const line = orderLines.find((l) => l.id === wanted.orderLineId);
        if (!line) return refusals.push(new UserError([...field, 'orderLineId'], 'No line of this order has this id', 'NOT_FOUND'));
        if (lines.some((l) => l.orderLineId === line.id)) {
          return refusals.push(new UserError([...field, 'orderLineId'], 'This line is named twice', 'INVALID'));
        }
        const left = returnableUnits(line);
        if (wanted.quantity > left) {
          const notLeft = line.quantity - line.quantityCancelled - line.quantityFulfilled;
          return refusals.push(
            new UserError(
              [...field, 'quantity'],
              `Only ${left} unit(s) of this line can be returned (${line.quantityFulfilled} left the shop, ${line.quantityReturned} returned, ` +
                `${line.quantityReturnRequested} on a return)${notLeft > 0 ? `; ${notLeft} never left: cancel those instead` : ''}`,
              ReturnErrorCode.NOT_RETURNABLE,
            ),
          );
        }
        line.quantityReturnRequested += wanted.quantity;
        lines.push({
          id: randomUUID(),
          orderLineId: line.id,
          sku: line.sku,
          quantity: wanted.quantity,
          reason: wanted.reason.trim(),
          restocked: 0,
          damaged: 0,
          missing: 0,
        });
      });
      if (refusals.length) throw new UserErrorsException(refusals);

      const created = Object.assign(new OrderReturn(), {
        orderId: order.id,
        status: caller.kind === 'staff' ? 'OPEN' : 'REQUESTED',
        locationId: args.locationId,
        // Taken back at a store, it is a store (POS) movement; sent back, it belongs to the order's channel.
        channel: caller.kind === 'staff' ? 'POS' : order.channel,
        lines,
        callerScope: scope,
        idempotencyKey: args.idempotencyKey,
        requestHash: hash,
      });
      em.persist(created);
      await appendOrderEvents(em, order, [
        {
          type: 'return.requested',
          data: {
            returnId: created.id,
            status: created.status as 'OPEN' | 'REQUESTED',
            locationId: created.locationId,
            lines: lines.map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, quantity: l.quantity })),
          },
        },
      ]);
      await em.flush();
      return created;
    },
    { onUniqueViolation: keyTakenMeanwhile('order_return_caller_scope_idempotency_key_unique', args.idempotencyKey) },
  );
}

function linesErrors(lines: readonly ReturnLineRequest[]): UserError[] {
  if (lines.length === 0 || lines.length > 250) return [new UserError(['lines'], 'Name 1 to 250 lines', 'INVALID')];
  const errors: UserError[] = [];
  lines.forEach((line, index) => {
    const field = ['lines', String(index)];
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      errors.push(new UserError([...field, 'quantity'], 'Return at least 1 unit', 'GREATER_THAN_OR_EQUAL_TO'));
    }
    if (!line.reason.trim()) errors.push(new UserError([...field, 'reason'], 'Say why it comes back', 'BLANK'));
    else if (line.reason.length > 500) errors.push(new UserError([...field, 'reason'], 'A reason of at most 500 characters', 'TOO_LONG'));
  });
  return errors;
}

/** A customer returns within RETURN_WINDOW_DAYS of the last fulfilment or pickup of the order. */
async function requireWithinWindow(em: EntityManager, orderId: string, days: number) {
  const [last] = await em.find(Fulfillment, { orderId }, { orderBy: { createdAt: 'desc' }, limit: 1 });
  if (!last) return; // nothing left yet: the units check refuses it
  if (Date.now() - last.createdAt.getTime() > days * DAY_MS) {
    refuse(
      ['orderId'],
      `Returns are accepted within ${days} days of delivery or pickup; ask the shop`,
      ReturnErrorCode.RETURN_WINDOW_CLOSED,
    );
  }
}
