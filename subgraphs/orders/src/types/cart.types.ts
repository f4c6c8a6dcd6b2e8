import { Field, ID, Int, ObjectType, registerEnumType, Extensions } from 'type-graphql';
import { Connection, Money } from '#platform/graphql';
import { Cart, DeliveryMethod } from '../entities';
import { CustomerCarts, LocationReference, VariantReference } from './references.types';

export enum CartWarningCode {
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  NOT_ENOUGH_STOCK = 'NOT_ENOUGH_STOCK',
  NOT_AVAILABLE_ON_CHANNEL = 'NOT_AVAILABLE_ON_CHANNEL',
  PRODUCT_ARCHIVED = 'PRODUCT_ARCHIVED',
  PRICE_CHANGED = 'PRICE_CHANGED',
  DELIVERY_UNAVAILABLE = 'DELIVERY_UNAVAILABLE',
}

registerEnumType(CartWarningCode, {
  name: 'CartWarningCode',
  description: 'Something about a cart the shopper can fix; it never stops the cart from being changed.',
});

@ObjectType({ description: 'Who is buying: contact details and, once signed in, the customer.' })
export class CartBuyerIdentity {
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; decides shipping and tax until a delivery address does.' })
  countryCode!: string | null;

  @Field(() => CustomerCarts, { nullable: true })
  customer!: CustomerCarts | null;
}

@ObjectType({ description: "One discount's share of a cart line." })
export class CartDiscountAllocation {
  @Field(() => ID)
  discountId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'The code that brought it; null for an automatic discount.' })
  code!: string | null;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType({ description: 'What a cart line costs now.' })
export class CartLineCost {
  @Field(() => Money, { description: 'quantity × unit price.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'Discounts allocated to the line.' })
  discount!: Money;

  @Field(() => Money, { description: 'Tax of the line, after its discounts (inside the total when prices include tax).' })
  tax!: Money;

  @Field(() => Money, { description: 'What the shopper pays for the line.' })
  total!: Money;
}

@ObjectType('CartLine', { description: 'A SKU in a cart, priced from the catalog whenever the cart is read.' })
export class CartLineView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => VariantReference, { nullable: true })
  variant!: VariantReference | null;

  @Field(() => Money, { description: 'The catalog price now.' })
  unitPrice!: Money;

  @Field(() => Money, { nullable: true })
  compareAtPrice!: Money | null;

  @Field(() => [CartDiscountAllocation])
  discountAllocations!: CartDiscountAllocation[];

  @Field(() => CartLineCost)
  cost!: CartLineCost;
}

@ObjectType('CartLineConnection', { description: "A page of a cart's lines, oldest first." })
export class CartLineConnection extends Connection(CartLineView, 'CartLine') {}

@ObjectType({ description: 'A code entered on a cart; it stays there whether or not it applies.' })
export class CartDiscountCode {
  @Field(() => String)
  code!: string;

  @Field(() => Boolean)
  applicable!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why it gives nothing: UNKNOWN, EXPIRED, NOT_FOR_CHANNEL, MINIMUM_NOT_MET, USAGE_LIMIT_REACHED, CUSTOMER_REQUIRED…',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType({ description: 'Tax at one rate.' })
export class CartTaxLine {
  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'The rate as a decimal percentage, e.g. "19" or "5.5".' })
  ratePercent!: string;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType({ description: "A cart's figures, priced afresh on every read." })
export class CartCost {
  @Field(() => Money, { description: 'The lines at catalog prices.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'Discounts on the lines.' })
  discountTotal!: Money;

  @Field(() => Money, { description: 'Shipping after its discount; zero until a delivery is chosen.' })
  shippingTotal!: Money;

  @Field(() => Money, { description: 'Taken off shipping by discounts.' })
  shippingDiscount!: Money;

  @Field(() => Money, { description: 'Tax of the lines and shipping; inside the total when prices include tax.' })
  taxTotal!: Money;

  @Field(() => Money)
  total!: Money;

  @Field(() => Boolean)
  pricesIncludeTax!: boolean;

  @Field(() => String, { description: 'The country whose rates taxed the cart.' })
  taxCountryCode!: string;

  @Field(() => [CartTaxLine], { description: 'Tax per rate, highest rate first.' })
  taxLines!: CartTaxLine[];
}

@ObjectType({ description: 'Something about the cart the shopper can fix.' })
export class CartWarning {
  @Field(() => CartWarningCode)
  code!: CartWarningCode;

  @Field(() => String)
  message!: string;

  @Field(() => ID, { nullable: true })
  @Extensions({ globalIdType: 'CartLine' })
  lineId!: string | null;

  @Field(() => Int, { nullable: true, description: 'For stock warnings: units available for the chosen delivery.' })
  quantityAvailable!: number | null;
}

@ObjectType({ description: 'A way the cart can reach the shopper, with its price for this cart.' })
export class DeliveryOption {
  @Field(() => String, { description: 'Pass to cartDeliveryUpdate to choose it.' })
  handle!: string;

  @Field(() => DeliveryMethod)
  method!: DeliveryMethod;

  @Field(() => String)
  title!: string;

  @Field(() => Money)
  price!: Money;

  @Field(() => LocationReference, { nullable: true, description: 'The store (PICKUP, SHIP_TO_STORE).' })
  location!: LocationReference | null;

  @Field(() => Int)
  minDays!: number;

  @Field(() => Int)
  maxDays!: number;

  @Field(() => Int, { nullable: true, description: 'PICKUP: units of the cart the store can hand over now.' })
  quantityAvailableNow!: number | null;
}

@ObjectType('CartAddress', { description: 'The delivery address of a cart.' })
export class CartAddressView {
  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String)
  address1!: string;

  @Field(() => String, { nullable: true })
  address2!: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String)
  countryCode!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@ObjectType({ description: 'The delivery chosen for a cart.' })
export class CartDelivery {
  @Field(() => DeliveryMethod)
  method!: DeliveryMethod;

  @Field(() => DeliveryOption, { nullable: true, description: 'The chosen option as it stands now; null when it is no longer offered.' })
  option!: DeliveryOption | null;

  @Field(() => CartAddressView, { nullable: true })
  address!: CartAddressView | null;
}

@ObjectType('CartConnection', { description: 'A page of carts.' })
export class CartConnection extends Connection(Cart) {}
