import { CustomerErased, CustomerMerged } from '#contracts/customers';
import type { Orm } from '#platform/db';
import { EventConsumer } from '#platform/outbox';
import type { Logger } from '#platform/runtime';
import { forgetCustomer, foldCustomer } from './customer-fold.service';

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
 * them. Durable and at least once (see EventConsumer): both handlers are idempotent. A payload
 * that breaks the customers contract is a producer bug no retry can mend: it is logged as an
 * error and skipped, so it cannot hold up every event behind it for ever.
 */
export function customerEventsConsumer(options: CustomerEventsOptions): EventConsumer {
  return new EventConsumer({
    name: 'promotions.customer-events',
    sourceSchema: 'customers',
    sourceDatabaseUrl: options.customersDatabaseUrl,
    topics: [CustomerMerged.topic, CustomerErased.topic],
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: async (event, em) => {
      if (event.topic === CustomerMerged.topic) {
        const merged = CustomerMerged.parse(event.payload);
        await foldCustomer(em, merged.sourceId, merged.targetId);
      } else if (event.topic === CustomerErased.topic) {
        await forgetCustomer(em, CustomerErased.parse(event.payload).customerId);
      }
    },
  });
}
