import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, Money, MoneyInput } from '#platform/graphql';
import { TaxClass } from '../entities';

@ObjectType('TaxRate', { description: "A destination's rate for one tax class." })
export class TaxRateView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'A region with a rate of its own; null for the whole country.' })
  region!: string | null;

  @Field(() => TaxClass)
  taxClass!: TaxClass;

  @Field(() => String, { description: 'The rate as a decimal percentage, e.g. "19" or "5.5".' })
  ratePercent!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType('ShippingRate', { description: 'One way to ship to a zone.' })
export class ShippingRateView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Money)
  price!: Money;

  @Field(() => Money, { nullable: true, description: 'Free from this subtotal after discounts; null: never free.' })
  freeAbove!: Money | null;

  @Field(() => Int)
  minDays!: number;

  @Field(() => Int)
  maxDays!: number;
}

@ObjectType('ShippingZone', { description: 'Countries that share shipping rates.' })
export class ShippingZoneView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  countries!: string[];

  @Field(() => [ShippingRateView])
  rates!: ShippingRateView[];
}

@InputType({ description: "Sets a destination's rate for a tax class (replacing the one there)." })
export class TaxRateSetInput {
  @Field(() => String)
  countryCode!: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => TaxClass)
  taxClass!: TaxClass;

  @Field(() => DecimalScalar, { description: 'A percentage from 0 to 100 with at most two decimals, e.g. "5.5".' })
  ratePercent!: string;

  @Field(() => String)
  name!: string;
}

@InputType({ description: 'One way to ship to a zone.' })
export class ShippingRateInput {
  @Field(() => ID, {
    nullable: true,
    description: 'shippingZoneUpdate: an existing rate of the zone to change in place (carts that chose it keep it); left out, a new rate.',
  })
  id?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => MoneyInput)
  price!: MoneyInput;

  @Field(() => MoneyInput, { nullable: true })
  freeAbove?: MoneyInput | null;

  @Field(() => Int)
  minDays!: number;

  @Field(() => Int)
  maxDays!: number;
}

@InputType({ description: 'A shipping zone and its rates, in the order shown to shoppers.' })
export class ShippingZoneInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes; a country belongs to one zone.' })
  countries!: string[];

  @Field(() => [ShippingRateInput])
  rates!: ShippingRateInput[];
}
