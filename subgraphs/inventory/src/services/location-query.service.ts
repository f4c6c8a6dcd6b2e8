import { isUuid } from '#platform/db';
import { keysetAfter, pageRequest, readOrder, rowsAfter, toConnection, type ConnectionArgs, type ConnectionShape } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { Location } from '../entities';

export function findLocation(ctx: InventoryContext, id: string): Promise<Location | null> {
  return isUuid(id) ? ctx.loaders.locationById.load(id) : Promise.resolve(null);
}

/** Every location, by name. */
export async function listLocations(ctx: InventoryContext, args: ConnectionArgs): Promise<ConnectionShape<Location>> {
  const page = pageRequest(args, { backward: true });
  const order = readOrder(page, 'asc');
  const where = rowsAfter(keysetAfter(page, ['text', 'uuid']), 'name', order);
  const rows = await ctx.em.find(Location, where, { orderBy: { name: order, id: order }, limit: page.limit });
  return toConnection(rows, page, (l) => [l.name, l.id]);
}
