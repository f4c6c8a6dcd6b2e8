import { CartAbandoned } from '#contracts/orders';
import { sql, type Orm } from '#platform/db';
import { EventConsumer } from '#platform/outbox';
import type { Logger } from '#platform/runtime';
import { SCHEMA } from '../constants';
import { CustomerEventType } from '../entities';

export interface CartEventsOptions {
  orm: Orm;
  logger: Logger;
  /** Where the orders subgraph's outbox lives; this database unless it has its own. */
  ordersDatabaseUrl?: string;
  pollMs?: number;
}

/**
 * Records the orders subgraph's cart.abandoned on the customer's timeline (CART_ABANDONED), once
 * per event id however often it is delivered. A guest's cart (no customer) and a customer no
 * longer here are passed over; a merged customer's event lands on the customer kept.
 */
export function cartEventsConsumer(options: CartEventsOptions): EventConsumer {
  return new EventConsumer({
    name: 'customers.cart-events',
    sourceSchema: 'orders',
    sourceDatabaseUrl: options.ordersDatabaseUrl,
    topics: [CartAbandoned.topic],
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: async (event, em) => {
      const payload = CartAbandoned.parse(event.payload);
      if (!payload.customerId) return;
      await sql(
        em,
        `insert into "${SCHEMA}"."customer_event" (customer_id, type, channel, data, occurred_at)
         select coalesce(c.merged_into_id, c.id), ?, ?, ?::jsonb, ?
           from "${SCHEMA}"."customer" c
          where c.id = ? and c.erased_at is null
            and not exists (select 1 from "${SCHEMA}"."customer_event" e where e.type = ? and e.data->>'eventId' = ?)`,
        [
          CustomerEventType.CART_ABANDONED,
          payload.channel,
          JSON.stringify({ eventId: payload.eventId, cartId: payload.cartId, lineCount: payload.lineCount }),
          payload.occurredAt,
          payload.customerId,
          CustomerEventType.CART_ABANDONED,
          payload.eventId,
        ],
      );
    },
  });
}
