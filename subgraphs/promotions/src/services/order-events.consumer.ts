import { OrderCancelled, OrderPaid, RefundCreated } from '#contracts/orders';
import type { Orm } from '#platform/db';
import type { CurrencyCode, SalesChannel } from '#platform/graphql';
import { EventConsumer } from '#platform/outbox';
import type { Logger } from '#platform/runtime';
import { earnPointsForOrder, takeBackPointsForOrder } from './loyalty.service';

export interface OrderEventsOptions {
  orm: Orm;
  logger: Logger;
  currencyCode: CurrencyCode;
  /** Where the orders subgraph's outbox lives; the promotions database unless it has its own. */
  ordersDatabaseUrl?: string;
  pollMs?: number;
}

/**
 * Earns loyalty points when an order is paid, at the programme's rate and the order channel's
 * multiplier, and takes them back, in the share refunded, when it is cancelled or returned units
 * are refunded (refund.created). Durable and at least once (EventConsumer); earning is idempotent per order, so a
 * repeat delivery earns nothing more. Guests' orders earn nothing. A payload that breaks the
 * orders contract is logged and skipped.
 */
export function orderEventsConsumer(options: OrderEventsOptions): EventConsumer {
  return new EventConsumer({
    name: 'promotions.order-events',
    sourceSchema: 'orders',
    sourceDatabaseUrl: options.ordersDatabaseUrl,
    topics: [OrderPaid.topic, OrderCancelled.topic, RefundCreated.topic],
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: async (event, em) => {
      const parsed =
        event.topic === OrderCancelled.topic
          ? OrderCancelled.parse(event.payload)
          : event.topic === RefundCreated.topic
            ? RefundCreated.parse(event.payload)
            : OrderPaid.parse(event.payload);
      if (!parsed.customerId || parsed.currencyCode !== options.currencyCode) return;
      if ('refundId' in parsed || 'whole' in parsed) {
        // A refund of returned units takes back its share; a cancellation its share, or all when whole.
        const refunded = 'refundId' in parsed;
        await takeBackPointsForOrder(em, {
          eventId: parsed.eventId,
          customerId: parsed.customerId,
          number: parsed.number,
          refundedMinor: parsed.refundedMinor,
          totalMinor: parsed.totalMinor,
          whole: !refunded && parsed.whole,
          cause: refunded ? 'refunded' : 'cancelled',
        });
      } else {
        await earnPointsForOrder(em, {
          orderId: parsed.orderId,
          customerId: parsed.customerId,
          paidMinor: parsed.paidMinor,
          currencyCode: options.currencyCode,
          channel: parsed.channel as SalesChannel,
          number: parsed.number,
        });
      }
    },
  });
}
