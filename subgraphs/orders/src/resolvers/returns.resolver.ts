/** Returns, refunds and Order.returns / Order.refunds over the returns engine (../returns). */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role, STAFF_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import type { OrdersContext } from '../context';
import { Order } from '../entities';
import { RefundTo } from '../inputs/cancel.input';
import { RefundLineInput, ReturnLineInput, ReturnReceiveLineInput } from '../inputs/returns.input';
import { RefundCreatePayload, ReturnPayload } from '../payloads/returns.payloads';
import {
  approveReturn,
  createRefund,
  createReturn,
  declineReturn,
  receiveReturn,
  refundsOfOrder,
  refundView,
  returnsOfOrder,
  returnView,
  suggestRefund,
  suggestedRefundView,
} from '../returns';
import type { OrderReturn } from '../entities';
import { RefundView, ReturnView, SuggestedRefundView } from '../types/returns.types';

const KEY_DESCRIPTION = 'Required: a retry with the same key answers the first result; with other input it is refused.';

const returnPayload = (ctx: OrdersContext, ret: OrderReturn) => {
  ctx.loaders.orderById.clear(ret.orderId);
  return { return: returnView(ret), order: ctx.loaders.orderById.load(ret.orderId) };
};

@Resolver()
export class ReturnsResolver {
  @Authorized(STAFF_ROLES)
  @Mutation(() => ReturnPayload, {
    description:
      'Staff of a store take back units of any order, whatever channel sold it (OPEN, to be received there). Only units that left can come back (NOT_RETURNABLE); units never sent are cancelled instead.',
  })
  async returnCreate(
    @Ctx() ctx: OrdersContext,
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('lines', () => [ReturnLineInput], { description: 'The units, per order line.' }) lines: ReturnLineInput[],
    @Arg('locationId', () => ID, { description: 'The store taking them back; the staff token must be of it.' }) locationId: string,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
  ) {
    return toPayload(await createReturn(ctx, { orderId, lines, locationId, idempotencyKey }), (ret) => returnPayload(ctx, ret));
  }

  @Authorized([Role.CUSTOMER])
  @Mutation(() => ReturnPayload, {
    description:
      'A customer asks to return units of their own order within RETURN_WINDOW_DAYS of delivery or pickup (RETURN_WINDOW_CLOSED after); staff approve or decline it.',
  })
  async returnRequest(
    @Ctx() ctx: OrdersContext,
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('lines', () => [ReturnLineInput], { description: 'The units, per order line.' }) lines: ReturnLineInput[],
    @Arg('locationId', () => ID, { nullable: true, description: 'The store the customer will bring them to, if known.' })
    locationId: string | null,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
  ) {
    return toPayload(await createReturn(ctx, { orderId, lines, locationId: locationId ?? null, idempotencyKey }), (ret) =>
      returnPayload(ctx, ret),
    );
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => ReturnPayload, {
    description: "Staff approve a customer's return request (OPEN), at the store that will take the units.",
  })
  async returnApprove(
    @Ctx() ctx: OrdersContext,
    @Arg('returnId', () => ID, { description: 'The return.' }) returnId: string,
    @Arg('locationId', () => ID, { nullable: true, description: 'The store taking the units; needed when the customer named none.' })
    locationId: string | null,
  ) {
    return toPayload(await approveReturn(ctx, returnId, locationId ?? null), (ret) => returnPayload(ctx, ret));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => ReturnPayload, {
    description: "Staff decline a customer's return request (DECLINED); its units may be returned another time.",
  })
  async returnDecline(
    @Ctx() ctx: OrdersContext,
    @Arg('returnId', () => ID, { description: 'The return.' }) returnId: string,
    @Arg('reason', () => String, { description: 'Why; the customer is told.' }) reason: string,
  ) {
    return toPayload(await declineReturn(ctx, returnId, reason), (ret) => returnPayload(ctx, ret));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => ReturnPayload, {
    description:
      'Staff of the receiving store record what arrived: RESTOCK puts the units back on hand there (a RETURN movement on the return channel), DAMAGED counts them returned without stock, MISSING not returned.',
  })
  async returnReceive(
    @Ctx() ctx: OrdersContext,
    @Arg('returnId', () => ID, { description: 'The return.' }) returnId: string,
    @Arg('lines', () => [ReturnReceiveLineInput], { description: 'What arrived, per return line.' }) lines: ReturnReceiveLineInput[],
  ) {
    return toPayload(await receiveReturn(ctx, returnId, lines), (ret) => returnPayload(ctx, ret));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => RefundCreatePayload, {
    description:
      'Refunds returned units (and what is left of shipping): k of n units give back k/n of what was paid for the line, the last units the remainder. ORIGINAL goes back to the tenders, never more to one than it paid; STORE_CREDIT needs a customer. Concurrent refunds of the same units: one succeeds.',
  })
  async refundCreate(
    @Ctx() ctx: OrdersContext,
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('lines', () => [RefundLineInput], { description: 'The returned units to refund, per order line.' }) lines: RefundLineInput[],
    @Arg('shipping', () => Boolean, { defaultValue: false, description: 'Refund what is left of the shipping too.' }) shipping: boolean,
    @Arg('to', () => RefundTo, { defaultValue: RefundTo.ORIGINAL, description: 'Where the money goes.' }) to: RefundTo,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
  ) {
    const outcome = await createRefund(ctx, { orderId, lines, shipping, refundTo: to, idempotencyKey });
    return toPayload(outcome, (row) => ({ refund: refundView(row), order: ctx.loaders.orderById.load(row.order_id) }));
  }

  @Authorized(STAFF_ROLES)
  @Query(() => SuggestedRefundView, {
    description: 'What refundCreate would give back now for these returned units, and to which payments.',
  })
  async refundSuggest(
    @Ctx() ctx: OrdersContext,
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('lines', () => [RefundLineInput], { description: 'The returned units, per order line.' }) lines: RefundLineInput[],
    @Arg('shipping', () => Boolean, { defaultValue: false, description: 'Include what is left of the shipping.' }) shipping: boolean,
  ): Promise<SuggestedRefundView> {
    const outcome = await suggestRefund(ctx, { orderId, lines, shipping });
    if (!outcome.ok) throw badUserInput(outcome.userErrors.map((e) => `${e.code}: ${e.message}`).join('; '), 'lines');
    return suggestedRefundView(outcome.value);
  }
}

@Resolver(() => Order)
export class OrderReturnsResolver {
  @FieldResolver(() => [ReturnView], { description: 'Returns of the order, oldest first.' })
  async returns(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<ReturnView[]> {
    return (await returnsOfOrder(ctx, order.id)).map(returnView);
  }

  @FieldResolver(() => [RefundView], { description: 'Refunds of returned units, oldest first (cancellations refund on their own).' })
  async refunds(@Root() order: Order, @Ctx() ctx: OrdersContext): Promise<RefundView[]> {
    return (await refundsOfOrder(ctx, order.id)).map(refundView);
  }
}
