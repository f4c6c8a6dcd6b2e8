import { isUuid } from '#platform/db';
import { keysetAfter, pageRequest, rowsAfter, toConnection, type ConnectionArgs, type ConnectionShape } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { Location } from '../entities';

export function findLocation(ctx: InventoryContext, id: string): Promise<Location | null> {
  return isUuid(id) ? ctx.loaders.locationById.load(id) : Promise.resolve(null);
}

/** Every location, by name. */
export async function listLocations(ctx: InventoryContext, args: ConnectionArgs): Promise<ConnectionShape<Location>> {
  const page = pageRequest(args);
  const where = rowsAfter(keysetAfter(page, ['text', 'uuid']), 'name', 'asc');
  const rows = await ctx.em.find(Location, where, { orderBy: { name: 'asc', id: 'asc' }, limit: page.limit });
  return toConnection(rows, page, (l) => [l.name, l.id]);
}
