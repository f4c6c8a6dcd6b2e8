import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entityListLoader, entityLoader } from '#platform/db';
import { InventoryLevel, Location } from '../entities';

/** Batches every lookup a request makes, so list length never multiplies SQL statements. */
export function createInventoryLoaders(em: EntityManager) {
  return {
    locationById: entityLoader(em, Location, 'id'),
    /** Every level of each SKU, across all locations. */
    levelsBySku: entityListLoader(em, InventoryLevel, 'sku', { locationId: 'asc' }),
    /** Every location, for distance ordering; loaded once per request. */
    allLocations: new DataLoader<'all', Location[]>(async (keys) => {
      const rows = await em.find(Location, {}, { orderBy: { name: 'asc' } });
      return keys.map(() => rows);
    }),
  };
}

export type InventoryLoaders = ReturnType<typeof createInventoryLoaders>;
