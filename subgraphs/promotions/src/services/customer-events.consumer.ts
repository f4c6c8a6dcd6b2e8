import type { Orm } from '#platform/db';
import { EventConsumer } from '#platform/outbox';
import type { Logger } from '#platform/runtime';
import { forgetCustomer, foldCustomer } from './customer-fold.service';

/** The customers subgraph's topics this subgraph acts on (see its outbox events). */
export const CustomerTopics = { MERGED: 'customer.merged', ERASED: 'customer.erased' } as const;

export interface CustomerEventsOptions {
  orm: Orm;
  logger: Logger;
  /** Where the customers subgraph's outbox lives; the promotions database unless it has its own. */
  customersDatabaseUrl?: string;
  pollMs?: number;
}

/**
 * Keeps promotions in step with the customers subgraph: a merge folds the duplicate's balances,
 * gift cards and discount uses into the customer kept; an erasure drops what staff wrote about
 * them. Durable and at least once (see EventConsumer): both handlers are idempotent.
 */
export function customerEventsConsumer(options: CustomerEventsOptions): EventConsumer {
  return new EventConsumer({
    name: 'promotions.customer-events',
    sourceSchema: 'customers',
    sourceDatabaseUrl: options.customersDatabaseUrl,
    topics: Object.values(CustomerTopics),
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: async (events, em) => {
      for (const event of events) {
        const payload = event.payload as { sourceId?: string; targetId?: string; customerId?: string };
        if (event.topic === CustomerTopics.MERGED && payload.sourceId && payload.targetId)
          await foldCustomer(em, payload.sourceId, payload.targetId);
        if (event.topic === CustomerTopics.ERASED && payload.customerId) await forgetCustomer(em, payload.customerId);
      }
    },
  });
}
