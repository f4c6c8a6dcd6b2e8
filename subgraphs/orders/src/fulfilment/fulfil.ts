/**
 * Units leave a location: a parcel shipped (fulfillmentCreate) or goods handed over at the store
 * (orderPickUp). Three short steps, none waiting on the network inside a transaction:
 *
 * 1. claim: under the order's lock, check the units are open on the fulfilment order and record
 *    the fulfilment PENDING, counting its units as fulfilled there (a concurrent claim for the
 *    same units is refused);
 * 2. inventory turns the held units into a SALE at the location, under a key from the fulfilment;
 * 3. confirm: the fulfilment is DONE, the order lines count it, its events are written.
 *
 * A refusal in 2 deletes the claim, so nothing changed. A process that dies or an inventory that
 * does not answer leaves the claim PENDING: the same request under the same key, or the sweeper,
 * runs 2 and 3 again (inventory answers a repeated key with its first answer).
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InventoryReservationFulfil, StockErrorCode } from '#contracts/inventory';
import { requireLocationAccess, type Viewer } from '#platform/auth';
import { IDEMPOTENCY_KEY_MISMATCH, requestHash, sql, type MutationOutcome, isUuid } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import type { InternalClient } from '#platform/internal';
import type { Logger } from '#platform/runtime';
import { stepKeys } from '../checkout/keys';
import { SCHEMA } from '../constants';
import {
  Fulfillment,
  FulfillmentKind,
  FulfillmentMethod,
  FulfillmentOrder,
  FulfillmentOrderStatus,
  FulfillmentState,
  Order,
  OrderLine,
  OrderStatus,
  openUnits,
  type TrackingData,
} from '../entities';
import { OrdersErrorCode } from '../errors';
import { appendOrderEvents, type OrderEventEntry } from '../order-events';
import { statusFromLines, touch } from './fulfillment-orders';

export interface FulfilRequest {
  fulfillmentOrderId: string;
  /** Null: every unit still open on the fulfilment order. */
  lines: { orderLineId: string; quantity: number }[] | null;
  kind: FulfillmentKind;
  tracking: TrackingData[];
  /** Who asks: keys are theirs alone. */
  callerScope: string;
  idempotencyKey: string;
  viewer: Viewer;
}

/** What fulfilling needs beyond a transaction: a fresh EntityManager, inventory, a logger. */
export interface FulfilDeps {
  em(): EntityManager;
  inventory: InternalClient;
  logger: Logger;
}

/** Records the fulfilment and has inventory take the units out of stock; answers it DONE, or why nothing changed. */
export async function fulfil(deps: FulfilDeps, request: FulfilRequest): Promise<MutationOutcome<Fulfillment>> {
  let claimed: Fulfillment;
  try {
    claimed = await deps.em().transactional((em) => claim(em, request));
  } catch (error) {
    if (error instanceof UserErrorsException) return { ok: false, userErrors: error.userErrors };
    throw error;
  }
  if (claimed.state === FulfillmentState.DONE) return { ok: true, value: claimed };
  return drive(deps, claimed.id);
}

/** The request's key: its own answer when it was seen (IDEMPOTENCY_KEY_MISMATCH for other input), else a new PENDING claim. */
async function claim(em: EntityManager, request: FulfilRequest): Promise<Fulfillment> {
  const hash = requestHash({
    fulfillmentOrderId: request.fulfillmentOrderId,
    lines: request.lines,
    kind: request.kind,
    tracking: request.tracking,
  });
  const fulfillmentOrder = isUuid(request.fulfillmentOrderId)
    ? await em.findOne(FulfillmentOrder, { id: request.fulfillmentOrderId })
    : null;
  if (!fulfillmentOrder) throw refusal(['fulfillmentOrderId'], 'No fulfilment order has this id', OrdersErrorCode.NOT_FOUND);
  const order = await em.findOneOrFail(Order, { id: fulfillmentOrder.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const seen = await em.findOne(Fulfillment, { callerScope: request.callerScope, idempotencyKey: request.idempotencyKey });
  if (seen) {
    if (seen.requestHash !== hash) throw refusal(['idempotencyKey'], 'This key was used for another request', IDEMPOTENCY_KEY_MISMATCH);
    return seen;
  }
  await em.refresh(fulfillmentOrder);
  const handsOverAt = fulfillmentOrder.destinationLocationId ?? fulfillmentOrder.locationId;
  const locationId = request.kind === FulfillmentKind.PICKUP ? handsOverAt : fulfillmentOrder.locationId;
  requireLocationAccess(request.viewer, locationId);
  if (order.status !== OrderStatus.OPEN)
    throw refusal(['fulfillmentOrderId'], `The order is ${order.status.toLowerCase()}`, OrdersErrorCode.ORDER_NOT_OPEN);
  if (request.kind === FulfillmentKind.SHIPMENT && fulfillmentOrder.method !== FulfillmentMethod.SHIP) {
    throw refusal(['fulfillmentOrderId'], 'A pickup order leaves the store with the customer: use orderPickUp', OrdersErrorCode.INVALID);
  }
  if (fulfillmentOrder.status === FulfillmentOrderStatus.AWAITING_TRANSFER) {
    throw refusal(['fulfillmentOrderId'], 'The goods are still on their way to the store', OrdersErrorCode.TRANSFER_NOT_RECEIVED);
  }
  const wanted =
    request.lines ??
    fulfillmentOrder.lines.filter((l) => openUnits(l) > 0).map((l) => ({ orderLineId: l.orderLineId, quantity: openUnits(l) }));
  if (wanted.length === 0) throw refusal(['fulfillmentOrderId'], 'Nothing is left to fulfil on it', OrdersErrorCode.NOTHING_TO_FULFIL);
  const units = wanted.map((want, index) => {
    const line = fulfillmentOrder.lines.find((l) => l.orderLineId === want.orderLineId);
    if (!line)
      throw refusal(
        ['input', 'lines', String(index), 'orderLineId'],
        'This line is not on the fulfilment order',
        OrdersErrorCode.NOT_FOUND,
      );
    if (want.quantity > openUnits(line)) {
      throw refusal(
        ['input', 'lines', String(index), 'quantity'],
        `Only ${openUnits(line)} of ${line.sku} are left to fulfil here`,
        OrdersErrorCode.LESS_THAN_OR_EQUAL_TO,
      );
    }
    return { line, quantity: want.quantity };
  });
  if (new Set(units.map((u) => u.line.orderLineId)).size !== units.length) {
    throw refusal(['input', 'lines'], 'List each order line once', OrdersErrorCode.TAKEN);
  }
  for (const { line, quantity } of units) line.fulfilled += quantity;
  fulfillmentOrder.lines = [...fulfillmentOrder.lines];
  const fulfillment = Object.assign(new Fulfillment(), {
    orderId: order.id,
    fulfillmentOrderId: fulfillmentOrder.id,
    locationId,
    kind: request.kind,
    lines: units.map(({ line, quantity }) => ({ orderLineId: line.orderLineId, sku: line.sku, quantity })),
    tracking: request.tracking,
    callerScope: request.callerScope,
    idempotencyKey: request.idempotencyKey,
    requestHash: hash,
    staffId: request.viewer.subject,
  });
  em.persist(fulfillment);
  fulfillmentOrder.status = statusFromLines(fulfillmentOrder);
  await touch(em, order, [fulfillmentOrder]);
  return fulfillment;
}

/** Steps 2 and 3 for a PENDING fulfilment; the sweeper calls it too. */
export async function drive(deps: FulfilDeps, fulfillmentId: string): Promise<MutationOutcome<Fulfillment>> {
  const fulfillment = await deps.em().findOneOrFail(Fulfillment, { id: fulfillmentId });
  if (fulfillment.state === FulfillmentState.DONE) return { ok: true, value: fulfillment };
  const order = await deps.em().findOneOrFail(Order, { id: fulfillment.orderId });
  const result = await deps.inventory.call({}, InventoryReservationFulfil, {
    input: {
      id: order.checkoutId ? stepKeys(order.checkoutId).stock : `order:${order.id}`,
      idempotencyKey: `fulfillment:${fulfillment.id}`,
      locationId: fulfillment.locationId,
      lines: fulfillment.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    },
  });
  if (!result.ok && result.reason === 'UNAVAILABLE') {
    deps.logger.warn({ fulfillment: fulfillment.id }, 'fulfilment: inventory did not answer; finished later');
    return {
      ok: false,
      userErrors: [
        new UserError(
          null,
          'Inventory did not answer. The fulfilment is recorded and finishes on its own; ask again with the same key to see it.',
          OrdersErrorCode.FULFILMENT_PENDING,
        ),
      ],
    };
  }
  if (!result.ok) {
    await deps.em().transactional((em) => unclaim(em, fulfillment.id));
    const notHeld = result.userErrors.some((e) => e.code === StockErrorCode.NOT_HELD);
    return {
      ok: false,
      userErrors: [
        new UserError(
          ['fulfillmentOrderId'],
          notHeld ? 'The units are not held at this location any more (moved or cancelled)' : (result.userErrors[0]?.message ?? 'Refused'),
          notHeld ? OrdersErrorCode.STOCK_NOT_HELD : OrdersErrorCode.INVALID,
        ),
      ],
    };
  }
  return { ok: true, value: await deps.em().transactional((em) => confirm(em, fulfillment.id)) };
}

async function unclaim(em: EntityManager, fulfillmentId: string): Promise<void> {
  const fulfillment = await em.findOneOrFail(Fulfillment, { id: fulfillmentId });
  const order = await em.findOneOrFail(Order, { id: fulfillment.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const fulfillmentOrder = await em.findOneOrFail(FulfillmentOrder, { id: fulfillment.fulfillmentOrderId });
  await em.refresh(fulfillment);
  if (fulfillment.state !== FulfillmentState.PENDING) return;
  for (const part of fulfillment.lines) {
    const line = fulfillmentOrder.lines.find((l) => l.orderLineId === part.orderLineId);
    if (line) line.fulfilled -= part.quantity;
  }
  fulfillmentOrder.lines = [...fulfillmentOrder.lines];
  fulfillmentOrder.status = statusFromLines(fulfillmentOrder);
  em.remove(fulfillment);
  await touch(em, order, [fulfillmentOrder]);
}

async function confirm(em: EntityManager, fulfillmentId: string): Promise<Fulfillment> {
  const fulfillment = await em.findOneOrFail(Fulfillment, { id: fulfillmentId });
  const order = await em.findOneOrFail(Order, { id: fulfillment.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  await em.refresh(fulfillment);
  if (fulfillment.state === FulfillmentState.DONE) return fulfillment;
  fulfillment.state = FulfillmentState.DONE;
  const lines = await em.find(OrderLine, { id: { $in: fulfillment.lines.map((l) => l.orderLineId) } });
  for (const part of fulfillment.lines) {
    const line = lines.find((l) => l.id === part.orderLineId);
    if (line) line.quantityFulfilled += part.quantity;
  }
  const events: OrderEventEntry[] = [
    {
      type: 'order.fulfilled',
      data: {
        fulfillmentId: fulfillment.id,
        locationId: fulfillment.locationId,
        kind: fulfillment.kind,
        lines: fulfillment.lines,
        tracking: fulfillment.tracking,
      },
    },
  ];
  if (fulfillment.kind === FulfillmentKind.PICKUP && (await everythingLeft(em, order.id))) {
    events.push({ type: 'order.picked_up', data: { locationId: fulfillment.locationId } });
  }
  await appendOrderEvents(em, order, events);
  return fulfillment;
}

/** True when no unit of the order is left to leave (after this transaction's changes are flushed). */
async function everythingLeft(em: EntityManager, orderId: string): Promise<boolean> {
  await em.flush();
  const [row] = await sql<{ open: string }>(
    em,
    `select coalesce(sum(quantity - quantity_fulfilled - quantity_cancelled), 0) as open from "${SCHEMA}"."order_line" where order_id = ?`,
    [orderId],
  );
  return Number(row.open) === 0;
}

/**
 * Finishes up to `batch` fulfilments left PENDING for a minute (a process died, inventory was
 * down). Replicas may pick the same one: inventory answers a repeated key with its first answer
 * and confirming is done once under the order's lock.
 */
export async function sweepPendingFulfillments(deps: FulfilDeps, batch = 20): Promise<number> {
  const rows = await sql<{ id: string }>(
    deps.em(),
    `select id from "${SCHEMA}"."fulfillment" where state = 'PENDING' and created_at < now() - interval '1 minute'
     order by created_at limit ?`,
    [batch],
  );
  for (const row of rows) await drive(deps, row.id);
  return rows.length;
}

const refusal = (field: string[] | null, message: string, code: string) => new UserErrorsException([new UserError(field, message, code)]);
