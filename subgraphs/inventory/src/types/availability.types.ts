import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** Available units of one SKU at one location. */
@ObjectType({ description: 'Available units of one SKU at one location (onHand - reserved).' })
export class SkuLocationAvailability {
  @Field(() => String, { description: 'The SKU.' })
  sku!: string;

  @Field(() => ID, { description: 'The location (global id).' })
  locationId!: string;

  @Field(() => Int, { description: 'Units that can be sold now: onHand - reserved.' })
  available!: number;
}

/** A location as pricing a cart needs it: where it is and what it offers. */
@ObjectType({ description: 'A location as pricing a cart needs it: where it is and what it offers.' })
export class AvailabilityLocation {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Location/<key>`.' })
  id!: string;

  @Field(() => String, { description: "The location's name." })
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'State, province or region; null when none.' })
  province!: string | null;

  @Field(() => Boolean, { description: 'Whether shoppers may pick up here.' })
  pickupEnabled!: boolean;

  @Field(() => Boolean, { description: 'Whether online orders ship from here.' })
  fulfillsOnlineOrders!: boolean;

  @Field(() => Float, { nullable: true, description: 'Degrees north; null when the location has no coordinates.' })
  latitude!: number | null;

  @Field(() => Float, { nullable: true, description: 'Degrees east; null when the location has no coordinates.' })
  longitude!: number | null;

  @Field(() => Int, { nullable: true, description: "The managers' ranking for online orders: 1 first; null after every ranked one." })
  fulfillmentRank!: number | null;
}

/** Every location, and the available stock of the SKUs asked for at each (only levels above zero). */
@ObjectType({ description: 'Every location, and the available stock of the SKUs asked for where it is above zero.' })
export class StockAvailability {
  @Field(() => [AvailabilityLocation], { description: 'The locations the levels are at.' })
  locations!: AvailabilityLocation[];

  @Field(() => [SkuLocationAvailability], { description: 'Available units per SKU and location.' })
  levels!: SkuLocationAvailability[];
}
