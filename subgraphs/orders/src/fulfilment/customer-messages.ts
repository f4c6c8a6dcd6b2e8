/**
 * The customer hears about their order from the orders outbox: the parcel's tracking link when
 * it ships (and when the link changes), the pickup code and deadline when it is ready at the
 * store, and what went back when it is cancelled. A durable consumer of this subgraph's own
 * outbox: at least once, and each message carries an id derived from its event, so a repeat is
 * the same message (the file mailer overwrites it; SMTP servers drop a repeated Message-ID). The
 * handler's transaction holds only this consumer's position row.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '#platform/db';
import { formatMinorUnits, type CurrencyCode } from '#platform/graphql';
import type { Mailer } from '#platform/mail';
import { EventConsumer } from '#platform/outbox';
import type { Logger } from '#platform/runtime';
import { OrderCancelled, OrderFulfilled, OrderReadyForPickup, FulfillmentTrackingUpdated } from '../contract';
import { Order, type TrackingData } from '../entities';

export interface CustomerMessagesOptions {
  orm: Orm;
  logger: Logger;
  mailer: Mailer;
  pollMs?: number;
}

const TOPICS = [OrderFulfilled.topic, OrderReadyForPickup.topic, FulfillmentTrackingUpdated.topic, OrderCancelled.topic];

export function customerMessagesConsumer(options: CustomerMessagesOptions): EventConsumer {
  return new EventConsumer({
    name: 'orders.customer-messages',
    sourceSchema: 'orders',
    topics: TOPICS,
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: (event, em) => send(options.mailer, em, event.id, event.topic, event.payload),
  });
}

async function send(mailer: Mailer, em: EntityManager, eventId: string | number, topic: string, payload: unknown): Promise<void> {
  const id = `order-message-${eventId}`;
  if (topic === OrderFulfilled.topic) {
    const event = OrderFulfilled.parse(payload);
    if (!event.email || event.kind !== 'SHIPMENT') return;
    await mailer.send({
      id,
      to: event.email,
      subject: `Your order ${event.number} is on its way`,
      text: [`Your order ${event.number} has shipped.`, ...trackingLines(event.tracking)].join('\n\n'),
    });
  } else if (topic === FulfillmentTrackingUpdated.topic) {
    const event = FulfillmentTrackingUpdated.parse(payload);
    const order = await em.findOne(Order, { id: event.orderId }, { fields: ['number', 'email'] });
    if (!order?.email) return;
    await mailer.send({
      id,
      to: order.email,
      subject: `New tracking for your order ${order.number}`,
      text: [`The tracking of your order ${order.number} changed.`, ...trackingLines(event.tracking)].join('\n\n'),
    });
  } else if (topic === OrderReadyForPickup.topic) {
    const event = OrderReadyForPickup.parse(payload);
    const order = await em.findOne(Order, { id: event.orderId }, { fields: ['pickupCode'] });
    if (!event.email || !order?.pickupCode) return;
    await mailer.send({
      id,
      to: event.email,
      subject: `Your order ${event.number} is ready for pickup`,
      text: [
        `Your order ${event.number} is waiting for you at the store.`,
        `Show this pickup code at the till: ${order.pickupCode}`,
        `Please collect it by ${new Date(event.pickupDeadline).toUTCString()}; after that it is cancelled and refunded.`,
      ].join('\n\n'),
    });
  } else if (topic === OrderCancelled.topic) {
    const event = OrderCancelled.parse(payload);
    if (!event.email) return;
    const refunded = formatMinorUnits(event.refundedMinor, event.currencyCode as CurrencyCode);
    await mailer.send({
      id,
      to: event.email,
      subject: event.whole ? `Your order ${event.number} was cancelled` : `Part of your order ${event.number} was cancelled`,
      text: [
        event.whole
          ? `Your order ${event.number} was cancelled (${event.reason}).`
          : `Some items of your order ${event.number} were cancelled (${event.reason}).`,
        event.refundedMinor > 0
          ? event.refundTo === 'STORE_CREDIT'
            ? `${refunded} ${event.currencyCode} is on your account as store credit.`
            : `${refunded} ${event.currencyCode} goes back to you the way you paid.`
          : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    });
  }
}

function trackingLines(tracking: readonly TrackingData[]): string[] {
  return tracking.map((t) => [t.company, t.number, t.url ? `Follow it here: ${t.url}` : null].filter(Boolean).join(' · '));
}
