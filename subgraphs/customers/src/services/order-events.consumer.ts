import {
  OrderCancelled,
  OrderFulfilled,
  OrderPickedUp,
  OrderPlaced,
  OrderReadyForPickup,
  RefundCreated,
  ReturnReceived,
  ReturnRequested,
  type OrderPlacedPayload,
} from '#contracts/orders';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '#platform/db';
import { sql } from '#platform/db';
import type { SalesChannel } from '#platform/graphql';
import { EventConsumer } from '#platform/outbox';
import type { Logger } from '#platform/runtime';
import { SCHEMA } from '../constants';
import { CustomerEventType } from '../entities';
import { recordEvent } from './customer-event.service';

export interface OrderEventsOptions {
  orm: Orm;
  logger: Logger;
  /** Where the orders subgraph's outbox lives; this database unless it has its own. */
  ordersDatabaseUrl?: string;
  pollMs?: number;
}

/**
 * Follows the orders subgraph: each order.placed of a known customer becomes an ORDER_PLACED
 * on their timeline and a row the order count, total spent and last order date are summed
 * from; what happens to the order later (fulfilled, ready for pickup, picked up, cancelled)
 * goes on the timeline too, in the same transaction as the consumer's position, so once. A
 * refund (refund.created) and what a cancellation gave back are also kept as rows, which spend
 * subtracts; an order cancelled whole stops counting. Durable and at least once (EventConsumer): the row is keyed by the order, so a repeat
 * changes nothing, not even the timeline. A payload breaking the contract is logged and skipped.
 */
export function orderEventsConsumer(options: OrderEventsOptions): EventConsumer {
  return new EventConsumer({
    name: 'customers.order-events',
    sourceSchema: 'orders',
    sourceDatabaseUrl: options.ordersDatabaseUrl,
    topics: [OrderPlaced.topic, ...Object.keys(LATER_EVENTS)],
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: async (event, em) => {
      if (event.topic === OrderPlaced.topic) await recordPlaced(em, OrderPlaced.parse(event.payload));
      else await recordLater(em, event.topic, event.payload);
    },
  });
}

async function recordPlaced(em: EntityManager, placed: OrderPlacedPayload): Promise<void> {
  if (!placed.customerId) return;
  const inserted = await sql<{ customer_id: string }>(
    em,
    `insert into "${SCHEMA}"."customer_order" (order_id, customer_id, number, total_minor, currency_code, placed_at, channel)
     select ?, coalesce(merged_into_id, id), ?, ?, ?, ?, ? from "${SCHEMA}"."customer" where id = ? and erased_at is null
     on conflict (order_id) do nothing returning customer_id`,
    [placed.orderId, placed.number, placed.totalMinor, placed.currencyCode, placed.occurredAt, placed.channel, placed.customerId],
  );
  if (inserted.length === 0) return;
  const locationId = placed.soldAtLocationId ?? null;
  // A purchase at a till is a visit to that store too.
  if (placed.channel === 'POS' && locationId) {
    recordEvent(em, inserted[0].customer_id, CustomerEventType.STORE_VISIT, {
      channel: 'POS' as SalesChannel,
      locationId,
      data: { orderId: placed.orderId },
    });
  }
  recordEvent(em, inserted[0].customer_id, CustomerEventType.ORDER_PLACED, {
    channel: placed.channel as SalesChannel,
    locationId,
    data: { orderId: placed.orderId, number: placed.number, totalMinor: placed.totalMinor, currencyCode: placed.currencyCode },
  });
  await em.flush();
}

/** What happened to an order after it was placed, and the timeline entry it makes, with its location where it has one. */
const LATER_EVENTS: Record<
  string,
  (payload: unknown) => { type: CustomerEventType; locationId: string | null; data: Record<string, unknown> }
> = {
  [OrderFulfilled.topic]: (payload) => {
    const e = OrderFulfilled.parse(payload);
    return {
      type: CustomerEventType.ORDER_FULFILLED,
      locationId: e.locationId,
      data: { kind: e.kind, lines: e.lines, tracking: e.tracking },
    };
  },
  [OrderReadyForPickup.topic]: (payload) => {
    const e = OrderReadyForPickup.parse(payload);
    return { type: CustomerEventType.ORDER_READY_FOR_PICKUP, locationId: e.locationId, data: { pickupDeadline: e.pickupDeadline } };
  },
  [OrderPickedUp.topic]: (payload) => {
    const e = OrderPickedUp.parse(payload);
    return { type: CustomerEventType.ORDER_PICKED_UP, locationId: e.locationId, data: {} };
  },
  [ReturnRequested.topic]: (payload) => {
    const e = ReturnRequested.parse(payload);
    return {
      type: CustomerEventType.RETURN_REQUESTED,
      locationId: e.locationId,
      data: { returnId: e.returnId, status: e.status, lines: e.lines },
    };
  },
  [ReturnReceived.topic]: (payload) => {
    const e = ReturnReceived.parse(payload);
    return { type: CustomerEventType.RETURN_RECEIVED, locationId: e.locationId, data: { returnId: e.returnId, lines: e.lines } };
  },
  [RefundCreated.topic]: (payload) => {
    const e = RefundCreated.parse(payload);
    return {
      type: CustomerEventType.REFUND_CREATED,
      locationId: null,
      data: { refundId: e.refundId, refundedMinor: e.refundedMinor, refundTo: e.refundTo },
    };
  },
  [OrderCancelled.topic]: (payload) => {
    const e = OrderCancelled.parse(payload);
    return {
      type: CustomerEventType.ORDER_CANCELLED,
      locationId: null,
      data: { whole: e.whole, reason: e.reason, refundedMinor: e.refundedMinor },
    };
  },
};

async function recordLater(em: EntityManager, topic: string, payload: unknown): Promise<void> {
  const envelope = OrderPlaced.parse(payload);
  if (!envelope.customerId) return;
  const entry = LATER_EVENTS[topic]?.(payload);
  if (!entry) return;
  // The customer as they are now: a merged customer's events go to the one they were merged into.
  const [customer] = await sql<{ id: string }>(
    em,
    `select coalesce(merged_into_id, id) as id from "${SCHEMA}"."customer" where id = ? and erased_at is null`,
    [envelope.customerId],
  );
  if (!customer) return;
  if (topic === RefundCreated.topic) await recordRefund(em, customer.id, RefundCreated.parse(payload));
  if (topic === OrderCancelled.topic) await recordCancellation(em, customer.id, OrderCancelled.parse(payload));
  recordEvent(em, customer.id, entry.type, {
    channel: envelope.channel as SalesChannel,
    locationId: entry.locationId,
    data: { orderId: envelope.orderId, number: envelope.number, ...entry.data },
  });
  await em.flush();
}

/** The refund as a row keyed by the refund: total spent subtracts it, and a repeat changes nothing. */
async function recordRefund(em: EntityManager, customerId: string, refund: ReturnType<typeof RefundCreated.parse>): Promise<void> {
  await sql(
    em,
    `insert into "${SCHEMA}"."customer_refund" (refund_id, order_id, customer_id, amount_minor, refunded_at)
     values (?, ?, ?, ?, ?) on conflict (refund_id) do nothing`,
    [refund.refundId, refund.orderId, customerId, refund.refundedMinor, refund.occurredAt],
  );
}

/**
 * A cancellation: what went back is kept as a refund row keyed by the event (a repeat changes
 * nothing), and an order cancelled whole stops counting as an order.
 */
async function recordCancellation(
  em: EntityManager,
  customerId: string,
  cancelled: ReturnType<typeof OrderCancelled.parse>,
): Promise<void> {
  if (cancelled.refundedMinor > 0) {
    await sql(
      em,
      `insert into "${SCHEMA}"."customer_refund" (refund_id, order_id, customer_id, amount_minor, refunded_at)
       values (md5('order.cancelled:' || ?)::uuid, ?, ?, ?, ?) on conflict (refund_id) do nothing`,
      [cancelled.eventId, cancelled.orderId, customerId, cancelled.refundedMinor, cancelled.occurredAt],
    );
  }
  if (cancelled.whole) {
    await sql(em, `update "${SCHEMA}"."customer_order" set cancelled_at = coalesce(cancelled_at, ?) where order_id = ?`, [
      cancelled.occurredAt,
      cancelled.orderId,
    ]);
  }
}
