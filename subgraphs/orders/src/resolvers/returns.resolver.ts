/** Returns, refunds and Order.returns / Order.refunds over the returns engine (../returns). */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role, STAFF_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import type { OrdersContext } from '../context';
import { Order } from '../entities';
import { RefundTo } from '../inputs/cancel.input';
import { ExchangeLineInput, RefundLineInput, ReturnLineInput, ReturnReceiveLineInput } from '../inputs/returns.input';
import { PosPaymentInput } from '../inputs/pos.input';
import { CartAddressInput } from '../inputs/cart.input';
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
  setExchangeLines,
  settleExchange,
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

  @Authorized([...STAFF_ROLES, Role.CUSTOMER])
  @Mutation(() => ReturnPayload, {
    description:
      "New items taken in exchange on a return, priced at the return's store today (catalog price, today's promotions, tax): `exchangeBalance` says what the customer pays or gets back. Staff of that store, or the order's customer; replaces earlier lines until the exchange is settled (EXCHANGE_SETTLED). Nothing is held or sent until it is settled.",
  })
  async returnExchangeLinesSet(
    @Ctx() ctx: OrdersContext,
    @Arg('returnId', () => ID, { description: 'The return.' }) returnId: string,
    @Arg('lines', () => [ExchangeLineInput], { description: 'The new items.' }) lines: ExchangeLineInput[],
    @Arg('shipTo', () => CartAddressInput, {
      nullable: true,
      description: "Ship the new items to this address (in the shop's country) instead of handing them over at the return's store.",
    })
    shipTo: CartAddressInput | null,
  ) {
    return toPayload(await setExchangeLines(ctx, returnId, lines, shipTo ?? null), (ret) => returnPayload(ctx, ret));
  }

  @Authorized([...STAFF_ROLES, Role.CUSTOMER])
  @Mutation(() => ReturnPayload, {
    description:
      "Settles the exchange on a received return: the payments must add up to a positive `exchangeBalance` exactly (none when the customer is owed; PAYMENT_MISMATCH otherwise). The new items become an order (`exchangeOrder`), collected at the return's store or shipped (`shipTo`), paid by the returned units' value (EXCHANGE_CREDIT) and the payments; at the counter they are handed over at once. An excess goes back to the original order's tenders as its refund. Until then the exchange is held. Once per return (EXCHANGE_SETTLED).",
  })
  async returnExchangeSettle(
    @Ctx() ctx: OrdersContext,
    @Arg('returnId', () => ID, { description: 'The return.' }) returnId: string,
    @Arg('payments', () => [PosPaymentInput], { defaultValue: [], description: 'The tenders paying the balance (any mix that adds up).' })
    payments: PosPaymentInput[],
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) idempotencyKey: string,
    @Arg('deviceId', () => String, {
      nullable: true,
      description:
        "The till taking the balance at the counter, for cash: its open drawer session's expected cash counts what it kept (staff of the return's store).",
    })
    deviceId: string | null,
  ) {
    return toPayload(await settleExchange(ctx, { returnId, payments, deviceId, idempotencyKey }), (ret) => returnPayload(ctx, ret));
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
    @Arg('returnId', () => ID, {
      nullable: true,
      description:
        'The return the units came back on: the refund is linked to it (Return.refunds, Refund.return); its units must have come back on it and not be refunded under it yet (NOT_REFUNDABLE).',
    })
    returnId: string | null,
    @Arg('deviceId', () => String, {
      nullable: true,
      description:
        "The till paying cash back, for a cash refund at a till: its open drawer session's expected cash goes down, not that of the till that sold it.",
    })
    deviceId: string | null,
  ) {
    const outcome = await createRefund(ctx, {
      orderId,
      lines,
      shipping,
      refundTo: to,
      idempotencyKey,
      returnId: returnId ?? null,
      deviceId,
    });
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

@Resolver(() => ReturnView)
export class ReturnExchangeResolver {
  @FieldResolver(() => Order, { nullable: true, description: 'The order of the new items, once the exchange is settled.' })
  exchangeOrder(@Root() ret: ReturnView, @Ctx() ctx: OrdersContext): Promise<Order | null> | null {
    return ret.exchangeOrderId ? ctx.loaders.orderById.load(ret.exchangeOrderId) : null;
  }

  @FieldResolver(() => [RefundView], {
    description: 'Refunds made for this return (refundCreate naming it, or its exchange settled), oldest first.',
  })
  async refunds(@Root() ret: ReturnView, @Ctx() ctx: OrdersContext): Promise<RefundView[]> {
    return (await ctx.loaders.refundsByReturn.load(ret.id)).map(refundView);
  }
}

@Resolver(() => RefundView)
export class RefundReturnResolver {
  @FieldResolver(() => ReturnView, { nullable: true, description: 'The return the refund is for, when it names one.' })
  async return(@Root() refund: RefundView, @Ctx() ctx: OrdersContext): Promise<ReturnView | null> {
    const ret = refund.returnId ? await ctx.loaders.returnById.load(refund.returnId) : null;
    return ret ? returnView(ret) : null;
  }
}
