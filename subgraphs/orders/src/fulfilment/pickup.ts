/**
 * Buy online, pick up in store. Staff of the pickup store mark the order ready (for ship to
 * store only once the transfer arrived): it gets a short pickup code and a deadline
 * (PICKUP_HOLD_DAYS), and the customer a message. When the customer comes, staff of that store
 * hand it over against the code or the looked-up customer: each fulfilment order's units leave
 * stock there as a sale (fulfil.ts), after what is still owed on an order placed "pay at pickup"
 * was paid at the till (pickup-payment.ts). Staff of another store are refused.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { TransferResult } from '#contracts/inventory';
import { callerScope, requireLocationAccess } from '#platform/auth';
import { runMutation, type MutationOutcome, isUuid } from '#platform/db';
import { MoneyFormatError, parseMinorUnits, UserError, UserErrorsException } from '#platform/graphql';
import { subgraphUnavailable } from '#platform/internal';
import type { OrdersContext } from '../context';
import { FulfillmentKind, FulfillmentMethod, FulfillmentOrder, FulfillmentOrderStatus, Order, OrderStatus, openUnits } from '../entities';
import { OrdersErrorCode } from '../errors';
import { appendOrderEvents } from '../order-events';
import type { OrderPickUpInput } from '../inputs/fulfillment.input';
import { fulfil } from './fulfil';
import { PickupKey } from './pickup-key';
import { outstandingMinor, tenderProblems, TillPayment, type TillTender } from './pickup-payment';
import { touch } from './fulfillment-orders';
import { readTransfers } from './ship-to-store';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;
const DAY_MS = 86_400_000;

export async function markReadyForPickup(ctx: OrdersContext, orderId: string): Promise<MutationOutcome<Order>> {
  const order = await pickupOrder(ctx, orderId);
  if (!order.ok) return order;
  if (order.value.fulfillmentMethod === FulfillmentMethod.SHIP_TO_STORE && !order.value.readyForPickupAt) {
    const waiting = await ctx.em.find(FulfillmentOrder, { orderId, status: FulfillmentOrderStatus.AWAITING_TRANSFER });
    const transfers = await readTransfers(
      ctx.inventory,
      waiting.flatMap((fo) => (fo.transferId ? [fo.transferId] : [])),
    );
    if (!transfers) throw subgraphUnavailable('Transfers cannot be read');
    const arrived = waiting.every((fo) => fo.transferId && arrivedAll(fo, transfers.get(fo.transferId)));
    if (!arrived) {
      const lost = waiting.some((fo) => fo.transferId && transfers.get(fo.transferId)?.status === 'CLOSED');
      const why = lost ? 'Some units were lost on the way: the transfer was closed short' : 'The goods have not arrived at the store yet';
      return refused(['orderId'], why, OrdersErrorCode.TRANSFER_NOT_RECEIVED);
    }
  }
  return runMutation(ctx, async ({ em }) => {
    const locked = await em.findOneOrFail(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (locked.status !== OrderStatus.OPEN)
      throw refusal(['orderId'], `The order is ${locked.status.toLowerCase()}`, OrdersErrorCode.ORDER_NOT_OPEN);
    if (locked.readyForPickupAt) return locked;
    const now = new Date();
    locked.pickupCode = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    locked.readyForPickupAt = now;
    locked.pickupDeadline = new Date(now.getTime() + ctx.pickupHoldDays * DAY_MS);
    const open = (await em.find(FulfillmentOrder, { orderId })).filter((fo) => fo.lines.some((l) => openUnits(l) > 0));
    for (const fo of open) fo.status = FulfillmentOrderStatus.READY_FOR_PICKUP;
    await touch(em, locked, open);
    await appendOrderEvents(em, locked, [
      {
        type: 'order.ready_for_pickup',
        data: { locationId: locked.pickupLocationId as string, pickupDeadline: locked.pickupDeadline.toISOString() },
      },
    ]);
    return locked;
  });
}

export async function pickUp(
  ctx: OrdersContext,
  orderId: string,
  input: OrderPickUpInput,
  idempotencyKey: string,
): Promise<MutationOutcome<Order>> {
  const order = await pickupOrder(ctx, orderId);
  if (!order.ok) return order;
  if (!order.value.readyForPickupAt)
    return refused(['orderId'], 'The order is not ready for pickup yet', OrdersErrorCode.NOT_READY_FOR_PICKUP);
  if (!verified(order.value, input)) {
    return refused(['input'], 'The pickup code or the customer does not match the order', OrdersErrorCode.PICKUP_NOT_VERIFIED);
  }
  const scope = callerScope(ctx.viewer);
  const tenders = tillTenders(ctx, input);
  if (!tenders.ok) return tenders;
  const key = await PickupKey.claim(ctx.em.fork(), scope, idempotencyKey, {
    orderId,
    pickupCode: input.customerId ? null : (input.pickupCode ?? null),
    customerId: input.customerId ?? null,
    tenders: tenders.value,
  });
  if (!(key instanceof PickupKey)) return { ok: false, userErrors: [key] };
  const pickup = { orderId, fulfillmentOrders: await ctx.em.fork().find(FulfillmentOrder, { orderId }, { orderBy: { createdAt: 'asc' } }) };
  const refuse = async (userErrors: UserError[]): Promise<MutationOutcome<never>> => {
    await key.release(ctx.em.fork(), pickup);
    return { ok: false, userErrors };
  };
  // What is open, and what this key's earlier attempt recorded as leaving but could not finish.
  const unfinished = await key.unfinished(ctx.em.fork(), pickup);
  const toHandOver = pickup.fulfillmentOrders.filter((fo) => unfinished.has(fo.id) || fo.lines.some((l) => openUnits(l) > 0));
  // Another till handed it over already: this one takes no money for it (a retry under its own key answers as before).
  if (toHandOver.length === 0 && !(await key.handedOver(ctx.em.fork(), pickup))) {
    return refuse([new UserError(['orderId'], 'Everything on the order was handed over already', OrdersErrorCode.NOTHING_TO_FULFIL)]);
  }
  // Pay at pickup: what is still owed is paid before the goods leave (a retry finds its tenders recorded).
  // The order is part of the payment's key: a key forgotten and sent again for another order never finds this one's payment.
  const payment = new TillPayment(ctx.checkout.card, order.value, tenders.value, `${scope}\u0000${orderId}\u0000${idempotencyKey}`);
  const settledBefore = await payment.recorded(ctx.em.fork());
  if (!settledBefore) {
    const due = await outstandingMinor(ctx.em.fork(), order.value);
    if (due > 0 || tenders.value.length > 0) {
      const problems = tenderProblems(tenders.value, due);
      if (problems.length) return refuse(problems);
      const refusal = await payment.authorize();
      if (refusal) return refuse([refusal]);
    }
  }
  for (const fulfillmentOrder of toHandOver) {
    const outcome = await fulfil(
      { em: () => ctx.em.fork(), inventory: ctx.inventory, logger: ctx.logger },
      {
        fulfillmentOrderId: fulfillmentOrder.id,
        lines: null,
        kind: FulfillmentKind.PICKUP,
        tracking: [],
        callerScope: scope,
        idempotencyKey: PickupKey.fulfillmentKey(idempotencyKey, fulfillmentOrder.id),
        viewer: ctx.viewer,
      },
    );
    if (!outcome.ok) {
      // Recorded as leaving, finished later: the card stays authorized for the retry under this key to capture.
      if (outcome.userErrors.some((e) => e.code === OrdersErrorCode.FULFILMENT_PENDING)) return outcome;
      if (!settledBefore) await payment.undo();
      return refuse(outcome.userErrors);
    }
  }
  if (!settledBefore && !(await payment.settle(ctx.em.fork()))) {
    return refused(
      ['input', 'payments'],
      'The card was authorized but not captured yet; ask again with the same key',
      OrdersErrorCode.PAYMENT_PENDING,
    );
  }
  return { ok: true, value: await ctx.em.fork().findOneOrFail(Order, { id: orderId }) };
}

const TILL_METHODS = ['CASH', 'MANUAL', 'TEST_CARD'] as const;

/** The till's tenders in minor units of the shop's currency; CASH, MANUAL and TEST_CARD only. */
function tillTenders(ctx: OrdersContext, input: OrderPickUpInput): MutationOutcome<TillTender[]> {
  const tenders: TillTender[] = [];
  const errors: UserError[] = [];
  for (const [index, payment] of (input.payments ?? []).entries()) {
    const field = ['input', 'payments', String(index)];
    const method = TILL_METHODS.find((m) => m === (payment.method as string));
    if (!method) {
      errors.push(new UserError([...field, 'method'], 'At pickup, pay in CASH, MANUAL or by card', OrdersErrorCode.INVALID));
      continue;
    }
    try {
      tenders.push({
        method,
        amountMinor: parseMinorUnits(payment.amount.amount, ctx.currencyCode),
        tenderedMinor: payment.amountTendered ? parseMinorUnits(payment.amountTendered.amount, ctx.currencyCode) : null,
        cardNumber: payment.cardNumber ?? null,
      });
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      errors.push(new UserError([...field, 'amount'], error.message, OrdersErrorCode.INVALID));
    }
  }
  return errors.length ? { ok: false, userErrors: errors } : { ok: true, value: tenders };
}

/** The order, if it is collected at a store whose staff the viewer is; refused otherwise (forbidden for another store's staff). */
async function pickupOrder(ctx: OrdersContext, orderId: string): Promise<MutationOutcome<Order>> {
  const order = isUuid(orderId) ? await ctx.em.fork().findOne(Order, { id: orderId }) : null;
  if (!order) return refused(['orderId'], 'No order has this id', OrdersErrorCode.NOT_FOUND);
  if (!order.pickupLocationId)
    return refused(['orderId'], 'The order is shipped, not collected at a store', OrdersErrorCode.NOT_READY_FOR_PICKUP);
  requireLocationAccess(ctx.viewer, order.pickupLocationId);
  if (order.status !== OrderStatus.OPEN)
    return refused(['orderId'], `The order is ${order.status.toLowerCase()}`, OrdersErrorCode.ORDER_NOT_OPEN);
  return { ok: true, value: order };
}

/**
 * Every unit the fulfilment order still waits for is at the store: its transfer was received in
 * full, or closed short (the rest lost on the way) with at least those units received.
 */
function arrivedAll(fulfillmentOrder: FulfillmentOrder, transfer: TransferResult | undefined): boolean {
  if (transfer?.status === 'RECEIVED') return true;
  if (transfer?.status !== 'CLOSED') return false;
  return fulfillmentOrder.lines.every((line) => openUnits(line) <= (transfer.lines.find((t) => t.sku === line.sku)?.quantityReceived ?? 0));
}

function verified(order: Order, input: OrderPickUpInput): boolean {
  if (input.customerId) return order.customerId !== null && input.customerId === order.customerId;
  const given = Buffer.from((input.pickupCode ?? '').trim().toUpperCase());
  const expected = Buffer.from(order.pickupCode ?? '');
  return expected.length > 0 && given.length === expected.length && timingSafeEqual(given, expected);
}

const refusal = (field: string[] | null, message: string, code: string) => new UserErrorsException([new UserError(field, message, code)]);
const refused = (field: string[] | null, message: string, code: string): MutationOutcome<never> => ({
  ok: false,
  userErrors: [new UserError(field, message, code)],
});
