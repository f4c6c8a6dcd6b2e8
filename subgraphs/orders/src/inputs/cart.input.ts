import { Field, ID, InputType, Int } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';

@InputType({ description: 'A line to add: a SKU or a variant id, and a quantity from 1 to 999.' })
export class CartLineInput {
  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => ID, { nullable: true })
  variantId?: string | null;

  @Field(() => Int)
  quantity!: number;
}

@InputType({ description: "A line's new quantity; 0 removes it." })
export class CartLineUpdateInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  quantity!: number;
}

@InputType({ description: 'Who is buying. Sign-in is the bearer token: a customer who sends theirs takes the cart over.' })
export class CartBuyerIdentityInput {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  countryCode?: string | null;
}

@InputType({ description: 'A new cart.' })
export class CartCreateInput {
  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => [CartLineInput], { nullable: true })
  lines?: CartLineInput[] | null;

  @Field(() => CartBuyerIdentityInput, { nullable: true })
  buyerIdentity?: CartBuyerIdentityInput | null;

  @Field(() => [String], { nullable: true })
  discountCodes?: string[] | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'A delivery address; the country is required.' })
export class CartAddressInput {
  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => String)
  address1!: string;

  @Field(() => String, { nullable: true })
  address2?: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String, { nullable: true })
  province?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; required.' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
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
