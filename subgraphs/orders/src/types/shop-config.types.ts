import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, Money, MoneyInput } from '#platform/graphql';
import { TaxClass } from '../entities';

@ObjectType('TaxRate', { description: "A destination's rate for one tax class." })
export class TaxRateView {
  @Field(() => ID, { description: 'Global id, `gid://commerce/TaxRate/<key>`.' })
  id!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'A region with a rate of its own; null for the whole country.' })
  region!: string | null;

  @Field(() => TaxClass, { description: 'The tax class it applies to.' })
  taxClass!: TaxClass;

  @Field(() => String, { description: 'The rate as a decimal percentage, e.g. "19" or "5.5".' })
  ratePercent!: string;

  @Field(() => String, { description: 'The tax\'s name on receipts, e.g. "VAT".' })
  name!: string;
}

@ObjectType('ShippingRate', { description: 'One way to ship to a zone.' })
export class ShippingRateView {
  @Field(() => ID, { description: 'Global id, `gid://commerce/ShippingRate/<key>`.' })
  id!: string;

  @Field(() => String, { description: 'The rate\'s name, e.g. "Standard".' })
  name!: string;

  @Field(() => Money, { description: 'What shipping costs.' })
  price!: Money;

  @Field(() => Money, { nullable: true, description: 'Free from this subtotal after discounts; null: never free.' })
  freeAbove!: Money | null;

  @Field(() => Int, { description: 'Fewest days in transit.' })
  minDays!: number;

  @Field(() => Int, { description: 'Most days in transit.' })
  maxDays!: number;
}

@ObjectType('ShippingZone', { description: 'Countries that share shipping rates.' })
export class ShippingZoneView {
  @Field(() => ID, { description: 'Global id, `gid://commerce/ShippingZone/<key>`.' })
  id!: string;

  @Field(() => String, { description: 'The zone\'s name, e.g. "Domestic".' })
  name!: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 country codes; a country belongs to one zone.' })
  countries!: string[];

  @Field(() => [ShippingRateView], { description: 'The rates shoppers in the zone choose from.' })
  rates!: ShippingRateView[];
}

@InputType({ description: "Sets a destination's rate for a tax class (replacing the one there)." })
export class TaxRateSetInput {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'A region with its own rate; the whole country when omitted.' })
  region?: string | null;

  @Field(() => TaxClass, { description: 'The tax class.' })
  taxClass!: TaxClass;

  @Field(() => DecimalScalar, { description: 'A percentage from 0 to 100 with at most two decimals, e.g. "5.5".' })
  ratePercent!: string;

  @Field(() => String, { description: 'The tax\'s name on receipts, e.g. "VAT".' })
  name!: string;
}

@InputType({ description: 'One way to ship to a zone.' })
export class ShippingRateInput {
  @Field(() => ID, {
    nullable: true,
    description: 'shippingZoneUpdate: an existing rate of the zone to change in place (carts that chose it keep it); left out, a new rate.',
  })
  id?: string | null;

  @Field(() => String, { description: "The rate's name (required)." })
  name!: string;

  @Field(() => MoneyInput, { description: 'What shipping costs (0 or more).' })
  price!: MoneyInput;

  @Field(() => MoneyInput, { nullable: true, description: 'Free when the discounted subtotal reaches this; never free when omitted.' })
  freeAbove?: MoneyInput | null;

  @Field(() => Int, { description: 'Fewest days in transit (0 or more).' })
  minDays!: number;

  @Field(() => Int, { description: 'Most days in transit, at least minDays.' })
  maxDays!: number;
}

@InputType({ description: 'A shipping zone and its rates, in the order shown to shoppers.' })
export class ShippingZoneInput {
  @Field(() => String, { description: "The zone's name (required)." })
  name!: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes; a country belongs to one zone.' })
  countries!: string[];

  @Field(() => [ShippingRateInput], { description: 'Its rates; at least one.' })
  rates!: ShippingRateInput[];
}
