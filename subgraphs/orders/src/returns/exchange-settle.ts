/**
 * returnExchangeSettle: the difference of an exchange is settled and its new items become an
 * order. Three steps, none waiting on the network inside a transaction:
 * 1. Under the order's lock: the payments must add up to the balance exactly (the new items'
 *    total less the returned units' refund, nothing when the customer is owed); the returned
 *    units are counted refunded (so refundCreate cannot pay them out again) and the settlement is
 *    recorded under the caller's key (another key finds it EXCHANGE_SETTLED).
 * 2. The exchange order goes through the checkout saga like a till sale at the return's store:
 *    its tenders are the credit (EXCHANGE_CREDIT, up to its total) and the customer's payments,
 *    so stock is held (at the store, or where routing ships from), stored value debited and the
 *    card authorized as for any sale.
 * 3. Placed: the refund of the returned units is written (refund.created), keeping the credit for
 *    the exchange and splitting any excess over the original tenders, which get it back through
 *    refundCreate's payment step; staff hand items collected there over at the counter. Refused (a
 *    declined card…): step 1 is undone and nothing changed. A retry with the same key resumes; what a
 *    process left SETTLING when it died, the sweeper finishes or undoes (exchange-recovery.ts).
 */
import { callerScope, requireLocationAccess } from '#platform/auth';
import { claimIdempotencyKeys, idempotencyKeyErrors, requestHash, runMutation, type MutationOutcome } from '#platform/db';
import { formatMinorUnits, UserError, UserErrorsException } from '#platform/graphql';
import { orderedPayments } from '../cancellation/accept';
import { plannedRefunds } from '../cancellation/cancellation-row';
import { completeCheckout, type TenderInput } from '../checkout';
import { CheckoutErrorCode } from '../checkout/errors';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { Order, OrderLine, PosSession, type OrderReturn } from '../entities';
import type { PosPaymentInput } from '../inputs/pos.input';
import type { PaymentMethod } from '../payments';
import { handOver, tendersOf } from '../pos/till-sale';
import { callerOf, keyMismatch, refuse } from './access';
import { ReturnErrorCode } from './errors';
import { receivedUnits } from './exchange-credit';
import { returnFor } from './exchange-set';
import { planReturnRefund } from './refund-plan';
import { driveRefund } from './refund-saga';
import { lockedReturn } from './return-review';
import { checkoutKey, keyUsedElsewhere, recordExchangeRefund, releaseExchangeClaim, type Settlement } from './exchange-finish';

export interface ExchangeSettleArgs {
  returnId: string;
  payments: readonly PosPaymentInput[];
  /** The till taking the balance at the counter: its open drawer session at the return's store counts the cash. */
  deviceId?: string | null;
  idempotencyKey: string;
}

/** Moves the fields off the tills' `input` wrapper: the payments are this mutation's own argument. */
const unwrapped = (errors: readonly { field?: string[] | null; message: string; code: string }[]) =>
  errors.map((e) => new UserError(e.field?.[0] === 'input' ? e.field.slice(1) : (e.field ?? null), e.message, e.code));

export async function settleExchange(ctx: OrdersContext, args: ExchangeSettleArgs): Promise<MutationOutcome<OrderReturn>> {
  const caller = callerOf(ctx.viewer);
  const errors = idempotencyKeyErrors(args.idempotencyKey);
  if (args.payments.length > 10) errors.push(new UserError(['payments'], 'Pay with at most 10 tenders', 'TOO_MANY'));
  const deviceId = args.deviceId?.trim() || null;
  if (deviceId !== null && deviceId.length > 100)
    errors.push(new UserError(['deviceId'], 'Send the till’s id (1 to 100 characters)', 'INVALID'));
  if (errors.length) return { ok: false, userErrors: errors };
  const found = await returnFor(ctx.em.fork(), caller, args.returnId);
  if (!caller || !found) return { ok: false, userErrors: [new UserError(['returnId'], 'No return has this id', 'NOT_FOUND')] };
  if (caller.kind === 'staff' && found.ret.locationId) requireLocationAccess(ctx.viewer, found.ret.locationId);
  if (deviceId !== null && (caller.kind !== 'staff' || !found.ret.locationId)) {
    return { ok: false, userErrors: [new UserError(['deviceId'], 'A till belongs to a store: settle as that store’s staff', 'INVALID')] };
  }
  // Cash taken at the counter goes into this till's drawer: its open session counts it.
  const drawer = deviceId
    ? await ctx.em.fork().findOne(PosSession, { deviceId, locationId: found.ret.locationId as string, closedAt: null })
    : null;
  const tenders = tendersOf(ctx, args.payments);
  if (!tenders.ok) return { ok: false, userErrors: unwrapped(tenders.userErrors) };
  const scope = callerScope(ctx.viewer);
  const hash = requestHash({ returnId: args.returnId, payments: args.payments, ...(deviceId ? { deviceId } : {}) });

  // 1. Claim the returned units and record the settlement.
  const claimed = await runMutation(ctx, async ({ em }) => {
    const { order, ret } = await lockedReturn(em, args.returnId);
    const exchange = ret.exchange;
    if (!exchange) return refuse(['returnId'], 'The return has no exchange lines: set them first', ReturnErrorCode.NO_EXCHANGE);
    if (exchange.settlement) {
      if (exchange.settlement.scope !== scope || exchange.settlement.key !== args.idempotencyKey) {
        return refuse(['returnId'], 'The exchange on this return is settled already', ReturnErrorCode.EXCHANGE_SETTLED);
      }
      return exchange.settlement.hash === hash ? { order, exchange } : keyMismatch(args.idempotencyKey);
    }
    // The key is bound to this return in this transaction, so two settles of two returns sent at once under one key meet
    // at the key's row: the second waits for the first to commit and is refused. A refusal below rolls the binding back.
    const [binding] = await claimIdempotencyKeys(em, SCHEMA, `returnExchangeSettle:${scope}`, [
      { key: args.idempotencyKey, input: { returnId: ret.id } },
    ]);
    if (binding.state === 'mismatch') return keyMismatch(args.idempotencyKey);
    // Settlements from before keys were bound are found by their checkouts.
    if (await keyUsedElsewhere(em, scope, args.idempotencyKey, ret.id)) return keyMismatch(args.idempotencyKey);
    if (ret.status !== 'RECEIVED') {
      return refuse(['returnId'], 'Receive every unit of the return before settling its exchange', ReturnErrorCode.RETURN_NOT_OPEN);
    }
    const units = receivedUnits(ret.lines);
    const lines = await em.find(OrderLine, { orderId: order.id }, { orderBy: { position: 'asc' } });
    const payments = await orderedPayments(em, order.id);
    let plan: Settlement['plan'] = null;
    if (units.length > 0) {
      const result = planReturnRefund({
        order,
        lines,
        payments: payments.map((p) => ({ id: p.id, method: p.method as PaymentMethod, amountMinor: p.amountMinor })),
        planned: await plannedRefunds(em, order.id),
        shippingRefundedMinor: 0,
        request: { orderId: order.id, lines: units, shipping: false },
        refundTo: 'ORIGINAL',
        exchangeMinor: exchange.totalMinor,
        returnId: ret.id,
      });
      if (!result.ok) throw new UserErrorsException(result.errors.map((e) => new UserError(e.field, e.message, e.code)));
      // Cash owed back on the exchange is paid out of the till settling it.
      plan = { ...result.plan, posSessionId: drawer?.id ?? null };
    }
    const creditMinor = plan?.refundTotalMinor ?? 0;
    const dueMinor = Math.max(0, exchange.totalMinor - creditMinor);
    const paidMinor = tenders.value.reduce((sum, t) => sum + t.amountMinor, 0);
    const money = (minor: number) => `${formatMinorUnits(minor, ctx.currencyCode)} ${ctx.currencyCode}`;
    if (paidMinor !== dueMinor) {
      return refuse(
        ['payments'],
        dueMinor === 0
          ? 'The returned items cover the exchange: take no payment (the difference is refunded)'
          : `The exchange's balance is ${money(dueMinor)}; the payments add up to ${money(paidMinor)}`,
        CheckoutErrorCode.PAYMENT_MISMATCH,
      );
    }
    for (const line of lines) line.quantityRefunded += units.find((u) => u.orderLineId === line.id)?.quantity ?? 0;
    const settlement: Settlement = {
      scope,
      key: args.idempotencyKey,
      hash,
      creditMinor,
      appliedMinor: Math.min(creditMinor, exchange.totalMinor),
      units,
      plan,
    };
    ret.exchange = { ...exchange, status: 'SETTLING', creditMinor, settlement };
    ret.updatedAt = new Date();
    await em.flush();
    return { order, exchange: ret.exchange };
  });
  if (!claimed.ok) return claimed;
  const { order, exchange } = claimed.value;
  const settlement = exchange.settlement!;
  if (exchange.status === 'SETTLED') return settled(ctx, args.returnId);

  // 2. The exchange order, through the checkout saga.
  const credit: TenderInput[] =
    settlement.appliedMinor > 0 ? [{ method: 'EXCHANGE_CREDIT', amountMinor: settlement.appliedMinor, returnId: args.returnId }] : [];
  const locationId = found.ret.locationId as string;
  const answer = await completeCheckout(ctx.checkout, {
    deadline: ctx.deadline,
    scope,
    idempotencyKey: checkoutKey(args.returnId, args.idempotencyKey),
    input: {
      cartId: exchange.cart.cartId,
      email: null,
      tenders: [...credit, ...tenders.value],
      expectedTotalMinor: exchange.totalMinor,
      pos:
        caller.kind === 'staff'
          ? {
              locationId,
              staffId: ctx.viewer.subject as string,
              deviceId: deviceId ?? 'exchange',
              clientOrderId: `exchange:${args.returnId}`,
              requestHash: hash,
              sessionId: drawer?.id ?? null,
              flags: exchange.flags,
            }
          : null,
    },
    caller: { customerId: order.customerId, isStaff: caller.kind === 'staff' },
    price: async () => exchange.cart,
  });
  if (!answer.ok) {
    if (!answer.userErrors.some((e) => e.code === CheckoutErrorCode.CHECKOUT_IN_PROGRESS)) await release(ctx, args.returnId, settlement);
    return { ok: false, userErrors: unwrapped(answer.userErrors) };
  }

  // 3. The refund of the returned units: the credit kept for the exchange, any excess back to the tenders.
  const recorded = await runMutation(ctx, ({ em }) => recordExchangeRefund(em, args.returnId, answer.orderId, ctx.checkout.leaseMs));
  if (!recorded.ok) return recorded;
  if (recorded.value.refundId) await driveRefund(ctx.checkout, recorded.value.refundId);
  // At the counter the new items leave with the customer, from the store's stock.
  if (caller.kind === 'staff' && exchange.cart.delivery?.method === 'PICKUP') {
    const placed = await ctx.em.fork().findOneOrFail(Order, { id: answer.orderId });
    await handOver(ctx, placed, checkoutKey(args.returnId, args.idempotencyKey));
  }
  return settled(ctx, args.returnId);
}

async function settled(ctx: OrdersContext, returnId: string): Promise<MutationOutcome<OrderReturn>> {
  const found = await returnFor(ctx.em.fork(), callerOf(ctx.viewer), returnId);
  return { ok: true, value: found!.ret };
}

/** A settlement the saga refused: the units are no longer counted refunded and the exchange awaits payment again. */
async function release(ctx: OrdersContext, returnId: string, settlement: Settlement): Promise<void> {
  await runMutation(ctx, ({ em }) => releaseExchangeClaim(em, returnId, settlement));
}
