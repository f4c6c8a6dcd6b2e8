import type { InventoryContext } from '../context';
import type { Location } from '../entities';

/**
 * The location a transfer, purchase order or suggestion points at, batched with every other
 * location the request resolves, so a list of them costs one location query.
 */
export async function locationOf(ctx: InventoryContext, locationId: string): Promise<Location> {
  const location = await ctx.loaders.locationById.load(locationId);
  // Foreign keys keep a location that stock documents or levels point at from being deleted.
  if (!location) throw new Error(`Location ${locationId} is missing`);
  return location;
}
