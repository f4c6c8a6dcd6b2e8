import type { EntityManager } from '@mikro-orm/postgresql';
import { runMutation, type MutationOutcome } from '#platform/db';
import { Address, addressFields, UserError, validateInput } from '#platform/graphql';
import { publishEvents } from '#platform/outbox';
import { SCHEMA } from '../constants';
import { InventoryLocationChanged } from '../contract';
import type { InventoryContext } from '../context';
import { Location } from '../entities';
import { InventoryErrorCode } from '../errors';
import type { LocationCreateInput, LocationUpdateInput } from '../inputs/location.input';
import { requireLocations } from './location-lookup';

const nameTaken = (name: string) => new UserError(['input', 'name'], `A location is already called "${name}"`, InventoryErrorCode.TAKEN);

/** Adds a store, warehouse or fulfilment centre; names are unique. */
export async function createLocation(ctx: InventoryContext, input: LocationCreateInput): Promise<MutationOutcome<Location>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(
    ctx,
    async (tx) => {
      const location = new Location();
      location.name = input.name.trim();
      location.type = input.type;
      location.address = Object.assign(new Address(), addressFields(input.address));
      location.latitude = input.coordinates?.latitude ?? null;
      location.longitude = input.coordinates?.longitude ?? null;
      location.pickupEnabled = input.pickupEnabled ?? false;
      location.fulfillsOnlineOrders = input.fulfillsOnlineOrders ?? true;
      location.fulfillmentRank = input.fulfillmentRank ?? null;
      await tx.em.persistAndFlush(location);
      await publishLocationChanged(tx.em, location);
      return location;
    },
    { onUniqueViolation: (constraint) => (constraint.includes('name') ? nameTaken(input.name.trim()) : undefined) },
  );
}

/** Changes the fields given of a location. */
export async function updateLocation(ctx: InventoryContext, id: string, input: LocationUpdateInput): Promise<MutationOutcome<Location>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(
    ctx,
    async (tx) => {
      const location = (await requireLocations(tx.em, [{ id, path: ['id'] }])).get(id) as Location;
      if (input.name !== undefined) location.name = input.name.trim();
      if (input.address) location.address = Object.assign(new Address(), addressFields(input.address));
      if (input.coordinates !== undefined) {
        location.latitude = input.coordinates?.latitude ?? null;
        location.longitude = input.coordinates?.longitude ?? null;
      }
      if (input.pickupEnabled != null) location.pickupEnabled = input.pickupEnabled;
      if (input.fulfillsOnlineOrders != null) location.fulfillsOnlineOrders = input.fulfillsOnlineOrders;
      if (input.fulfillmentRank !== undefined) location.fulfillmentRank = input.fulfillmentRank;
      location.updatedAt = new Date();
      await tx.em.flush();
      await publishLocationChanged(tx.em, location);
      return location;
    },
    { onUniqueViolation: (constraint) => (constraint.includes('name') ? nameTaken(input.name?.trim() ?? '') : undefined) },
  );
}

/** Records in the caller's transaction that a location changed, with what readers keep of it (carts keep a chosen store's address). */
async function publishLocationChanged(em: EntityManager, location: Location): Promise<void> {
  const { id, name, address, pickupEnabled } = location;
  await publishEvents(em, SCHEMA, [
    InventoryLocationChanged.event(id, {
      locationId: id,
      name,
      countryCode: address.countryCode,
      province: address.province,
      pickupEnabled,
    }),
  ]);
}
