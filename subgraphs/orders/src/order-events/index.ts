/**
 * Writes an order's events: numbered per order (+1 each), kept in the order's history and put in
 * the outbox, in the caller's transaction (ORDERS.md, Events). Every event carries the envelope;
 * the rest of its payload is the event's own.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { publishEvents, type EventInput } from '#platform/outbox';
import { SCHEMA } from '../constants';
import {
  OrderCancelled,
  OrderFulfilled,
  OrderPaid,
  OrderPickedUp,
  OrderPlaced,
  OrderReadyForPickup,
  RefundCreated,
  ReturnReceived,
  ReturnRequested,
  type OrderCancelledPayload,
  type OrderFulfilledPayload,
  type OrderPaidPayload,
  type OrderPickedUpPayload,
  type OrderReadyForPickupPayload,
  type RefundCreatedPayload,
  type ReturnReceivedPayload,
  type ReturnRequestedPayload,
} from '../contract';
import { OrderEvent, type Order } from '../entities';

type Envelope = ReturnType<typeof envelopeOf>;
type Own<P> = Omit<P, keyof Envelope>;

/** One event to append: its type and what it carries beyond the envelope. */
export type OrderEventEntry =
  | { type: 'order.placed' }
  | { type: 'order.paid'; data: Own<OrderPaidPayload> }
  | { type: 'order.fulfilled'; data: Own<OrderFulfilledPayload> }
  | { type: 'order.ready_for_pickup'; data: Own<OrderReadyForPickupPayload> }
  | { type: 'order.picked_up'; data: Own<OrderPickedUpPayload> }
  | { type: 'order.cancelled'; data: Own<OrderCancelledPayload> }
  | { type: 'return.requested'; data: Own<ReturnRequestedPayload> }
  | { type: 'return.received'; data: Own<ReturnReceivedPayload> }
  | { type: 'refund.created'; data: Own<RefundCreatedPayload> };

function outboxEvent(envelope: Envelope, entry: OrderEventEntry): EventInput {
  const key = envelope.orderId;
  switch (entry.type) {
    case 'order.placed':
      return OrderPlaced.event(key, envelope);
    case 'order.paid':
      return OrderPaid.event(key, { ...envelope, ...entry.data });
    case 'order.fulfilled':
      return OrderFulfilled.event(key, { ...envelope, ...entry.data });
    case 'order.ready_for_pickup':
      return OrderReadyForPickup.event(key, { ...envelope, ...entry.data });
    case 'order.picked_up':
      return OrderPickedUp.event(key, { ...envelope, ...entry.data });
    case 'order.cancelled':
      return OrderCancelled.event(key, { ...envelope, ...entry.data });
    case 'return.requested':
      return ReturnRequested.event(key, { ...envelope, ...entry.data });
    case 'return.received':
      return ReturnReceived.event(key, { ...envelope, ...entry.data });
    case 'refund.created':
      return RefundCreated.event(key, { ...envelope, ...entry.data });
  }
}

function envelopeOf(order: Order, sequence: number, occurredAt: Date) {
  return {
    eventId: randomUUID(),
    orderId: order.id,
    sequence,
    occurredAt: occurredAt.toISOString(),
    number: order.number,
    channel: order.channel,
    customerId: order.customerId,
    email: order.email,
    currencyCode: order.currencyCode,
    totalMinor: order.totalMinor,
    soldAtLocationId: order.locationId,
  };
}

/**
 * Appends `entries` to the order's history and the outbox, in the caller's transaction; the
 * order must be locked by it. Each happened now, unless its `at` says when (history being recorded).
 * `alongside` are other events of the same change (a new order's fulfilment orders), written
 * to the outbox in the same statement.
 */
export async function appendOrderEvents(
  em: EntityManager,
  order: Order,
  entries: readonly (OrderEventEntry & { at?: Date })[],
  alongside: readonly EventInput[] = [],
): Promise<void> {
  await appendOrdersEvents(em, [{ order, entries }], alongside);
}

/** `appendOrderEvents` for many orders at once (a till's synced batch): one flush and one outbox write for them all. */
export async function appendOrdersEvents(
  em: EntityManager,
  batch: readonly { order: Order; entries: readonly (OrderEventEntry & { at?: Date })[] }[],
  alongside: readonly EventInput[] = [],
): Promise<void> {
  const outbox: EventInput[] = [...alongside];
  for (const { order, entries } of batch) {
    for (const entry of entries) {
      order.eventSequence += 1;
      const occurredAt = entry.at ?? new Date();
      const event = outboxEvent(envelopeOf(order, order.eventSequence, occurredAt), entry);
      em.persist(
        Object.assign(new OrderEvent(), {
          orderId: order.id,
          sequence: order.eventSequence,
          type: entry.type,
          payload: event.payload,
          occurredAt,
        }),
      );
      outbox.push(event);
    }
  }
  await em.flush();
  await publishEvents(em, SCHEMA, outbox);
}
