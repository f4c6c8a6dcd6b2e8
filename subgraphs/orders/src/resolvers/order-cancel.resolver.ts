import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Role, STAFF_ROLES } from '#platform/auth';
import type { OrdersContext } from '../context';
import { OrderLineCancelInput, RefundTo } from '../inputs/cancel.input';
import { OrderCancelPayload } from '../payloads/cancel.payloads';
import { cancelOrderUnits } from '../services/order-cancel.service';

const KEY_DESCRIPTION = 'Required: one key per cancellation; a retry with the same key answers the same, with other input it is refused.';

@Resolver()
export class OrderCancelResolver {
  @Authorized([...STAFF_ROLES, Role.CUSTOMER])
  @Mutation(() => OrderCancelPayload, {
    description:
      'Cancels the whole order while none of it has left: releases its stock, voids or refunds its payments, gives back discount uses and stored value, and tells the customer. Staff, or a customer for their own order before the shop started preparing it.',
  })
  orderCancel(
    @Ctx() ctx: OrdersContext,
    @Arg('orderId', () => ID, { description: 'The order to cancel.' }) orderId: string,
    @Arg('reason', () => String, { description: 'Why it is cancelled; the customer is told.' }) reason: string,
    @Arg('refundTo', () => RefundTo, { defaultValue: RefundTo.ORIGINAL, description: 'Where the money goes back to.' }) refundTo: RefundTo,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
  ) {
    return cancelOrderUnits(ctx, { orderId, lines: null, reason, refundTo, idempotencyKey });
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => OrderCancelPayload, {
    description:
      "Cancels units of lines not yet fulfilled (an item the shop cannot get): their stock is released and their exact share of what was paid goes back. A line already fulfilled is refused (ALREADY_FULFILLED): return it instead. Cancelling the order's last units cancels the order.",
  })
  orderLinesCancel(
    @Ctx() ctx: OrdersContext,
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('lines', () => [OrderLineCancelInput], { description: 'The units to cancel, per line.' }) lines: OrderLineCancelInput[],
    @Arg('reason', () => String, { description: 'Why they are cancelled; the customer is told.' }) reason: string,
    @Arg('refundTo', () => RefundTo, { defaultValue: RefundTo.ORIGINAL, description: 'Where the money goes back to.' }) refundTo: RefundTo,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
  ) {
    return cancelOrderUnits(ctx, { orderId, lines, reason, refundTo, idempotencyKey });
  }
}
