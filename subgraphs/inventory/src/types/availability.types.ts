import { Field, ID, Int, ObjectType } from 'type-graphql';

/** Available units of one SKU at one location. */
@ObjectType({ description: 'Available units of one SKU at one location (onHand - reserved).' })
export class SkuLocationAvailability {
  @Field(() => String)
  sku!: string;

  @Field(() => ID)
  locationId!: string;

  @Field(() => Int)
  available!: number;
}

/** A location as pricing a cart needs it: where it is and what it offers. */
@ObjectType({ description: 'A location as pricing a cart needs it: where it is and what it offers.' })
export class AvailabilityLocation {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field(() => Boolean)
  pickupEnabled!: boolean;

  @Field(() => Boolean)
  fulfillsOnlineOrders!: boolean;
}

/** Every location, and the available stock of the SKUs asked for at each (only levels above zero). */
@ObjectType({ description: 'Every location, and the available stock of the SKUs asked for where it is above zero.' })
export class StockAvailability {
  @Field(() => [AvailabilityLocation])
  locations!: AvailabilityLocation[];

  @Field(() => [SkuLocationAvailability])
  levels!: SkuLocationAvailability[];
}
