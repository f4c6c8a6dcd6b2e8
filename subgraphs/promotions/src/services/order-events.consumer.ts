import { OrderPaid } from '#contracts/orders';
import type { Orm } from '#platform/db';
import { EventContractError } from '#platform/events';
import type { CurrencyCode, SalesChannel } from '#platform/graphql';
import { EventConsumer } from '#platform/outbox';
import type { Logger } from '#platform/runtime';
import { earnPointsForOrder } from './loyalty.service';

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
 * multiplier. Durable and at least once (EventConsumer); earning is idempotent per order, so a
 * repeat delivery earns nothing more. Guests' orders earn nothing. A payload that breaks the
 * orders contract is logged and skipped.
 */
export function orderEventsConsumer(options: OrderEventsOptions): EventConsumer {
  const logger = options.logger.child({ consumer: 'promotions.order-events' });
  return new EventConsumer({
    name: 'promotions.order-events',
    sourceSchema: 'orders',
    sourceDatabaseUrl: options.ordersDatabaseUrl,
    topics: [OrderPaid.topic],
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: async (events, em) => {
      for (const event of events) {
        let paid;
        try {
          paid = OrderPaid.parse(event.payload);
        } catch (error) {
          if (!(error instanceof EventContractError)) throw error;
          logger.error({ err: error, eventId: event.id }, 'order event breaks its contract; skipped');
          continue;
        }
        if (!paid.customerId || paid.currencyCode !== options.currencyCode) continue;
        await earnPointsForOrder(em, {
          orderId: paid.orderId,
          customerId: paid.customerId,
          paidMinor: paid.paidMinor,
          currencyCode: options.currencyCode,
          channel: paid.channel as SalesChannel,
          number: paid.number,
        });
      }
    },
  });
}
