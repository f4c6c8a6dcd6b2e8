import { badUserInput, isUuid, pageRequest, toConnection, type ConnectionArgs, type ConnectionShape } from '../../../platform/src';
import type { InventoryContext } from '../context';
import { Location } from '../entities';

export function findLocation(ctx: InventoryContext, id: string): Promise<Location | null> {
  return isUuid(id) ? ctx.loaders.locationById.load(id) : Promise.resolve(null);
}

/** Every location, by name. */
export async function listLocations(ctx: InventoryContext, args: ConnectionArgs): Promise<ConnectionShape<Location>> {
  const page = pageRequest(args);
  const where: Record<string, unknown> = {};
  if (page.after) {
    const [name, id] = page.after;
    if (typeof name !== 'string' || typeof id !== 'string' || !isUuid(id)) throw badUserInput('"after" is not a cursor of this list', 'after');
    where.$or = [{ name: { $gt: name } }, { name, id: { $gt: id } }];
  }
  const rows = await ctx.em.find(Location, where, { orderBy: { name: 'asc', id: 'asc' }, limit: page.limit });
  return toConnection(rows, page, (l) => [l.name, l.id]);
}
