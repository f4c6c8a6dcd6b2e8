import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MANAGER_ROLES } from '#platform/auth';
import { ConnectionArgs, Coordinates, toPayload } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { Location } from '../entities';
import { LocationCreateInput, LocationUpdateInput } from '../inputs/location.input';
import { LocationCreatePayload, LocationUpdatePayload } from '../payloads';
import { createLocation, updateLocation } from '../services/location.service';
import { findLocation, listLocations } from '../services/location-query.service';
import { LocationConnection } from '../types/stock.types';

@Resolver(() => Location)
export class LocationResolver {
  @Query(() => Location, { nullable: true, description: 'A location by id; null when none has it.' })
  location(@Ctx() ctx: InventoryContext, @Arg('id', () => ID, { description: "The location's id." }) id: string): Promise<Location | null> {
    return findLocation(ctx, id);
  }

  @Query(() => LocationConnection, { description: 'Every location, by name.' })
  locations(@Ctx() ctx: InventoryContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return listLocations(ctx, args);
  }

  @FieldResolver(() => Coordinates, { nullable: true, description: 'Latitude and longitude, for distances; null when unknown.' })
  coordinates(@Root() location: Location): Coordinates | null {
    if (location.latitude === null || location.longitude === null) return null;
    return { latitude: location.latitude, longitude: location.longitude };
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => LocationCreatePayload, { description: 'Adds a store, warehouse or fulfilment centre.' })
  async locationCreate(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => LocationCreateInput, { description: 'The new location.' }) input: LocationCreateInput,
  ) {
    return toPayload(await createLocation(ctx, input), (location) => ({ location }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => LocationUpdatePayload, { description: 'Changes a location.' })
  async locationUpdate(
    @Ctx() ctx: InventoryContext,
    @Arg('id', () => ID, { description: 'The location to change.' }) id: string,
    @Arg('input', () => LocationUpdateInput, { description: 'The fields to change.' }) input: LocationUpdateInput,
  ) {
    return toPayload(await updateLocation(ctx, id, input), (location) => ({ location }));
  }
}
