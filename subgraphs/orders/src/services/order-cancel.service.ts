/**
 * orderCancel and orderLinesCancel over the cancellation saga (../cancellation): who the caller
 * is and whose key it is, the arguments checked, and the saga's answer as a payload.
 */
import { callerScope, isStaff, Role } from '#platform/auth';
import { idempotencyKeyErrors, isUuid } from '#platform/db';
import { Money, UserError, type CurrencyCode } from '#platform/graphql';
import { cancel, type CancelCaller, type CancelLineRequest } from '../cancellation';
import type { OrdersContext } from '../context';
import type { Order } from '../entities';
import { OrdersErrorCode } from '../errors';
import type { OrderLineCancelInput, RefundTo } from '../inputs/cancel.input';

export interface CancelPayloadValue {
  order?: Order | null;
  refundTotal?: Money | null;
  userErrors: UserError[];
}

export interface CancelArgs {
  orderId: string;
  /** Null: the whole order. */
  lines: OrderLineCancelInput[] | null;
  reason: string;
  refundTo: RefundTo;
  idempotencyKey: string;
}

const refusal = (field: string[], message: string, code: string): CancelPayloadValue => ({
  userErrors: [new UserError(field, message, code)],
});

export async function cancelOrderUnits(ctx: OrdersContext, args: CancelArgs): Promise<CancelPayloadValue> {
  const keyErrors = idempotencyKeyErrors(args.idempotencyKey);
  if (keyErrors.length) return { userErrors: keyErrors };
  const reason = args.reason.trim();
  if (!reason) return refusal(['reason'], 'Say why the order is cancelled', OrdersErrorCode.BLANK);
  if (reason.length > 500) return refusal(['reason'], 'A reason of at most 500 characters', OrdersErrorCode.TOO_LONG);
  if (args.lines && (args.lines.length === 0 || args.lines.length > 250)) {
    return refusal(['lines'], 'Name 1 to 250 lines', OrdersErrorCode.INVALID);
  }
  if (!isUuid(args.orderId)) return refusal(['orderId'], 'No order has this id', OrdersErrorCode.NOT_FOUND);
  const viewer = ctx.viewer;
  let caller: CancelCaller;
  if (isStaff(viewer)) caller = { kind: 'staff' };
  else if (viewer.role === Role.CUSTOMER && viewer.subject) caller = { kind: 'customer', customerId: viewer.subject };
  else return refusal(['orderId'], 'No order has this id', OrdersErrorCode.NOT_FOUND);
  const lines: CancelLineRequest[] | null = args.lines?.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })) ?? null;
  const answer = await cancel(ctx.checkout, {
    orderId: args.orderId,
    lines,
    reason,
    refundTo: args.refundTo,
    scope: callerScope(viewer),
    idempotencyKey: args.idempotencyKey,
    caller,
  });
  if (!answer.ok) return { userErrors: answer.userErrors.map((e) => new UserError(e.field, e.message, e.code)) };
  ctx.loaders.orderById.clear(answer.orderId);
  const order = await ctx.loaders.orderById.load(answer.orderId);
  return {
    order,
    refundTotal: order ? Money.fromMinor(answer.refundTotalMinor, order.currencyCode as CurrencyCode) : null,
    userErrors: [],
  };
}
