import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';

@InputType({ description: 'A line to add: a SKU or a variant id, and a quantity from 1 to 999.' })
export class CartLineInput {
  @Field(() => String, { nullable: true, description: 'The SKU to add; give this or `variantId`.' })
  sku?: string | null;

  @Field(() => ID, { nullable: true, description: 'The variant to add; give this or `sku`.' })
  variantId?: string | null;

  @Field(() => Int, { description: 'Units, 1 to 999; the same SKU twice adds up on one line.' })
  quantity!: number;
}

@InputType({ description: "A line's new quantity; 0 removes it." })
export class CartLineUpdateInput {
  @Field(() => ID, { description: 'The line to change.' })
  id!: string;

  @Field(() => Int, { description: 'New units, 0 to 999; 0 removes the line.' })
  quantity!: number;
}

@InputType({ description: 'Who is buying. Sign-in is the bearer token: a customer who sends theirs takes the cart over.' })
export class CartBuyerIdentityInput {
  @Field(() => String, { nullable: true, description: 'Email for the order confirmation.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Phone number; national numbers are read in the shop's region." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  countryCode?: string | null;
}

@InputType({ description: 'A new cart.' })
export class CartCreateInput {
  @Field(() => SalesChannel, { description: 'Where the cart is being filled (required).' })
  channel!: SalesChannel;

  @Field(() => [CartLineInput], { nullable: true, description: 'Lines to start with; at most 250.' })
  lines?: CartLineInput[] | null;

  @Field(() => CartBuyerIdentityInput, { nullable: true, description: 'Who is buying, if known.' })
  buyerIdentity?: CartBuyerIdentityInput | null;

  @Field(() => [String], { nullable: true, description: 'Codes to enter; at most 20, each at most 64 characters.' })
  discountCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A note for the order; at most 2000 characters.' })
  note?: string | null;
}

@InputType({ description: 'A point to measure distance from.' })
export class CoordinatesInput {
  @Field(() => Float, { description: 'Degrees north (negative: south), -90 to 90.' })
  latitude!: number;

  @Field(() => Float, { description: 'Degrees east (negative: west), -180 to 180.' })
  longitude!: number;
}

@InputType({ description: 'A delivery address; the country is required.' })
export class CartAddressInput {
  @Field(() => String, { nullable: true, description: "Recipient's given name." })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "Recipient's family name." })
  lastName?: string | null;

  @Field(() => String, { description: 'Street and number (required).' })
  address1!: string;

  @Field(() => String, { nullable: true, description: 'Apartment, suite, floor.' })
  address2?: string | null;

  @Field(() => String, { description: 'City or town (required).' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'State, province or region.' })
  province?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal or ZIP code.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; required.' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number for the carrier.' })
  phone?: string | null;

  @Field(() => CoordinatesInput, {
    nullable: true,
    description: 'Where the address is, as an address search returns it: the order then ships from the nearest location that can.',
  })
  coordinates?: CoordinatesInput | null;
}

@InputType({ description: 'The delivery chosen: an option handle from deliveryOptions, and the address for SHIP.' })
export class CartDeliveryInput {
  @Field(() => String, {
    description: 'A DeliveryOption handle: "SHIP:<rate id>", "PICKUP:<location id>" or "SHIP_TO_STORE:<location id>".',
  })
  handle!: string;

  @Field(() => CartAddressInput, { nullable: true, description: 'Where to ship (SHIP only).' })
  address?: CartAddressInput | null;
}
