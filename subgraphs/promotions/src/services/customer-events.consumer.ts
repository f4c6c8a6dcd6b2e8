import { CustomerErased, CustomerMerged } from '#contracts/customers';
import type { BusEvent } from '#platform/events';
import type { Orm } from '#platform/db';
import { EventContractError, type EventContract } from '#platform/events';
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
  const logger = options.logger.child({ consumer: 'promotions.customer-events' });
  const payloadOf = <T extends Record<string, unknown>>(contract: EventContract<T>, event: BusEvent): T | null => {
    try {
      return contract.parse(event.payload);
    } catch (error) {
      if (!(error instanceof EventContractError)) throw error;
      logger.error({ err: error, eventId: event.id, topic: event.topic }, 'customer event breaks its contract; skipped');
      return null;
    }
  };
  return new EventConsumer({
    name: 'promotions.customer-events',
    sourceSchema: 'customers',
    sourceDatabaseUrl: options.customersDatabaseUrl,
    topics: [CustomerMerged.topic, CustomerErased.topic],
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: async (events, em) => {
      for (const event of events) {
        if (event.topic === CustomerMerged.topic) {
          const merged = payloadOf(CustomerMerged, event);
          if (merged) await foldCustomer(em, merged.sourceId, merged.targetId);
        } else if (event.topic === CustomerErased.topic) {
          const erased = payloadOf(CustomerErased, event);
          if (erased) await forgetCustomer(em, erased.customerId);
        }
      }
    },
  });
}
