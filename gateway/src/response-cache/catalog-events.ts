import { PostgresEventBus, type EventBus } from '#platform/events';
import type { Logger } from '#platform/runtime';
import { CombinedEventBus } from '../live/combined-event-bus';
import { CATALOG_SUBGRAPHS } from './catalog-fields';
import type { ResponseCache } from './response-cache';

export interface CatalogEventsOptions {
  /** Each catalog subgraph's database (`products`, `inventory`); the cache needs them all. */
  databaseUrls: Record<string, string | undefined>;
  logger: Logger;
  /** Reading without a notification, to cover a missed one. */
  pollMs: number;
}

/**
 * The outboxes of the catalog subgraphs, read by this process itself (LISTEN/NOTIFY and a poll),
 * one bus per database; null when a catalog subgraph's database is not known, and the cache
 * cannot be told of its changes. It reads them whatever EVENT_BUS says: the Redis bus relays one
 * set of outboxes per database on one channel, and live stock's set (inventory, orders) is not this one.
 */
export function catalogEventBus(options: CatalogEventsOptions): EventBus | null {
  const schemasByDatabase = new Map<string, string[]>();
  for (const schema of CATALOG_SUBGRAPHS) {
    const databaseUrl = options.databaseUrls[schema];
    if (!databaseUrl) return null;
    schemasByDatabase.set(databaseUrl, [...(schemasByDatabase.get(databaseUrl) ?? []), schema]);
  }
  const buses = [...schemasByDatabase].map(
    ([databaseUrl, schemas]) => new PostgresEventBus({ databaseUrl, schemas, logger: options.logger, pollMs: options.pollMs }),
  );
  return buses.length === 1 ? buses[0] : new CombinedEventBus(buses);
}

/**
 * Drops every cached answer on any event of a catalog outbox: a product, variant, price or
 * category change, a stock level's movement or a location's change. Coarse and plainly right;
 * an answer is read again at most once per change.
 */
export function invalidateOnCatalogEvents(bus: EventBus, cache: ResponseCache): () => void {
  return bus.subscribe(() => cache.invalidate());
}
