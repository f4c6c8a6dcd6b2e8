import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionArgs, Coordinates } from '../../../platform/src';
import type { InventoryContext } from '../context';
import { Location } from '../entities';
import { findLocation, listLocations } from '../services/location-query.service';

@ObjectType({ description: 'A page of locations.' })
export class LocationConnection extends Connection(Location) {}

@Resolver(() => Location)
export class LocationResolver {
  @Query(() => Location, { nullable: true })
  location(@Ctx() ctx: InventoryContext, @Arg('id', () => ID) id: string): Promise<Location | null> {
    return findLocation(ctx, id);
  }

  @Query(() => LocationConnection, { description: 'Every location, by name.' })
  locations(@Ctx() ctx: InventoryContext, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return listLocations(ctx, args);
  }

  @FieldResolver(() => Coordinates, { nullable: true })
  coordinates(@Root() location: Location): Coordinates | null {
    if (location.latitude === null || location.longitude === null) return null;
    return { latitude: location.latitude, longitude: location.longitude };
  }
}
