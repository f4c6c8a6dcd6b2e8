/**
 * A cart that chose a store (PICKUP or SHIP_TO_STORE) keeps where the store is, and is taxed by
 * that: pricing then needs no call to inventory. This keeps it true when a store's name or
 * address is corrected. A durable consumer of inventory's outbox: every `inventory.location.changed`
 * that carries the location's name and address rewrites what the open carts at that store keep,
 * and moves their version on (pricing is memoised by it); their abandonment clock is left alone,
 * as the shopper did nothing. Delivered at least once and in order, so a repeat writes what is
 * there already and the last change is the one kept. Events from before inventory sent the
 * address carry the id alone and change nothing: those carts keep the address until the store is
 * chosen again.
 */
import { InventoryLocationChanged } from '#contracts/inventory';
import { sql, type Orm } from '#platform/db';
import { EventConsumer } from '#platform/outbox';
import type { Logger } from '#platform/runtime';
import { SCHEMA } from '../constants';
import { CartStatus, type CartPickupStore } from '../entities';

export interface StoreAddressUpdatesOptions {
  orm: Orm;
  logger: Logger;
  /** Where the inventory subgraph's outbox lives; this database unless it has its own. */
  inventoryDatabaseUrl?: string;
  pollMs?: number;
}

export function storeAddressUpdatesConsumer(options: StoreAddressUpdatesOptions): EventConsumer {
  return new EventConsumer({
    name: 'orders.store-addresses',
    sourceSchema: 'inventory',
    sourceDatabaseUrl: options.inventoryDatabaseUrl,
    topics: [InventoryLocationChanged.topic],
    orm: options.orm,
    logger: options.logger,
    pollMs: options.pollMs,
    handle: async (event, em) => {
      const payload = InventoryLocationChanged.parse(event.payload);
      if (payload.name === undefined || payload.countryCode === undefined) return;
      const kept: CartPickupStore = { name: payload.name, countryCode: payload.countryCode, province: payload.province ?? null };
      await sql(
        em,
        `update "${SCHEMA}"."cart" set pickup_store = ?::jsonb, version = version + 1
          where status = ? and pickup_location_id = ? and pickup_store is not null and pickup_store <> ?::jsonb`,
        [JSON.stringify(kept), CartStatus.OPEN, payload.locationId, JSON.stringify(kept)],
      );
    },
  });
}
