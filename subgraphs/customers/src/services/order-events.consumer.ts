import { OrderPlaced } from '#contracts/orders';
import type { Orm } from '#platform/db';
import { sql } from '#platform/db';
import { EventContractError } from '#platform/events';
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
 * from. Durable and at least once (EventConsumer): the row is keyed by the order, so a repeat
 * changes nothing, not even the timeline. A payload breaking the contract is logged and skipped.
 */
export function orderEventsConsumer(options: OrderEventsOptions): EventConsumer {
  const logger = options.logger.child({ consumer: 'customers.order-events' });
  return new EventConsumer({
    name: 'customers.order-events',
    sourceSchema: 'orders',
    sourceDatabaseUrl: options.ordersDatabaseUrl,
    topics: [OrderPlaced.topic],
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: async (events, em) => {
      for (const event of events) {
        let placed;
        try {
          placed = OrderPlaced.parse(event.payload);
        } catch (error) {
          if (!(error instanceof EventContractError)) throw error;
          logger.error({ err: error, eventId: event.id }, 'order event breaks its contract; skipped');
          continue;
        }
        if (!placed.customerId) continue;
        const inserted = await sql<{ customer_id: string }>(
          em,
          `insert into "${SCHEMA}"."customer_order" (order_id, customer_id, number, total_minor, currency_code, placed_at)
           select ?, coalesce(merged_into_id, id), ?, ?, ?, ? from "${SCHEMA}"."customer" where id = ? and erased_at is null
           on conflict (order_id) do nothing returning customer_id`,
          [placed.orderId, placed.number, placed.totalMinor, placed.currencyCode, placed.occurredAt, placed.customerId],
        );
        if (inserted.length === 0) continue;
        recordEvent(em, inserted[0].customer_id, CustomerEventType.ORDER_PLACED, {
          channel: placed.channel as SalesChannel,
          data: { orderId: placed.orderId, number: placed.number, totalMinor: placed.totalMinor, currencyCode: placed.currencyCode },
        });
        await em.flush();
      }
    },
  });
}
