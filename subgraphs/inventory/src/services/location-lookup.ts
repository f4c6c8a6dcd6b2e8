import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import { Location } from '../entities';
import { InventoryErrorCode } from '../errors';

/** Loads the locations named in an input, or fails with NOT_FOUND on the field of each unknown one. */
export async function requireLocations(em: EntityManager, ids: { id: string; path: string[] }[]): Promise<Map<string, Location>> {
  const valid = ids.filter((i) => isUuid(i.id)).map((i) => i.id);
  const found = new Map((await em.find(Location, { id: { $in: [...new Set(valid)] } })).map((l) => [l.id, l]));
  const errors = ids
    .filter((i) => !found.has(i.id))
    .map((i) => new UserError(i.path, `No location with id "${i.id}"`, InventoryErrorCode.NOT_FOUND));
  if (errors.length) throw new UserErrorsException(errors);
  return found;
}
