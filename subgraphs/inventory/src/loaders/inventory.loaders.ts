import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, plainListLoader, sql } from '#platform/db';
import { InventoryLevel, Location } from '../entities';

/** Batches every lookup a request makes, so list length never multiplies SQL statements. */
export function createInventoryLoaders(em: EntityManager) {
  return {
    locationById: entityLoader(em, Location, 'id'),
    /** Every level of each SKU, across all locations, as plain rows: read paths only (a storefront page reads hundreds). */
    levelsBySku: plainListLoader(em, InventoryLevel, 'sku', { locationId: 'asc' }),
    /**
     * What each SKU has to sell at each location, and whether that location sells to customers
     * (ships online orders or hands over pickups): four narrow columns, for the availability and
     * totals a product list asks of every variant.
     */
    sellableBySku: new DataLoader<string, SellableStock[]>(async (skus) => {
      const rows = await sql<SellableStock & { sku: string }>(
        em,
        `select l.sku, l.location_id as "locationId", l.on_hand - l.reserved as available,
                (loc.fulfills_online_orders or loc.pickup_enabled) as "sellsToCustomers"
         from inventory.inventory_level l join inventory.location loc on loc.id = l.location_id
         where l.sku = any(?)`,
        [[...skus]],
      );
      const bySku = new Map<string, SellableStock[]>(skus.map((sku) => [sku, []]));
      for (const { sku, ...stock } of rows) bySku.get(sku)?.push(stock);
      return skus.map((sku) => bySku.get(sku) ?? []);
    }),
    /** Every location, for distance ordering; loaded once per request. */
    allLocations: new DataLoader<'all', Location[]>(async (keys) => {
      const rows = await em.find(Location, {}, { orderBy: { name: 'asc' } });
      return keys.map(() => rows);
    }),
  };
}

/** One SKU's stock at one location, as availability reads it. */
export interface SellableStock {
  locationId: string;
  /** onHand - reserved; negative after an offline sale oversold. */
  available: number;
  sellsToCustomers: boolean;
}

export type InventoryLoaders = ReturnType<typeof createInventoryLoaders>;
