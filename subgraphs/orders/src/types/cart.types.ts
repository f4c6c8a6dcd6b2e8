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
  valuesConfig: {
    DELIVERY_UNAVAILABLE: { description: 'The chosen delivery no longer serves the cart; choose another.' },
    NOT_AVAILABLE_ON_CHANNEL: { description: "The product is not sold on the cart's channel." },
    NOT_ENOUGH_STOCK: { description: 'Fewer units can be delivered than the line asks for (see `quantityAvailable`).' },
    OUT_OF_STOCK: { description: 'No unit of the line can be delivered the chosen way.' },
    PRICE_CHANGED: { description: 'The price changed since the line was added.' },
    PRODUCT_ARCHIVED: { description: 'The product is no longer sold; the line counts zero.' },
  },
});

@ObjectType({ description: 'Who is buying: contact details and, once signed in, the customer.' })
export class CartBuyerIdentity {
  @Field(() => String, { nullable: true, description: 'Email for the order confirmation; null when not given.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number (E.164); null when not given.' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; decides shipping and tax until a delivery address does.' })
  countryCode!: string | null;

  @Field(() => CustomerCarts, { nullable: true, description: 'The signed-in customer who owns the cart; null for a guest cart.' })
  customer!: CustomerCarts | null;
}

@ObjectType({ description: "One discount's share of a cart line." })
export class CartDiscountAllocation {
  @Field(() => ID, { description: 'The discount (global id).' })
  discountId!: string;

  @Field(() => String, { description: "The discount's title, to show the shopper." })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The code that brought it; null for an automatic discount.' })
  code!: string | null;

  @Field(() => Money, { description: 'What it takes off this line.' })
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
  @Field(() => ID, { description: 'Global id, `gid://commerce/CartLine/<key>`.' })
  id!: string;

  @Field(() => String, { description: 'The SKU in the cart.' })
  sku!: string;

  @Field(() => Int, { description: 'Units, 1 to 999.' })
  quantity!: number;

  @Field(() => VariantReference, { nullable: true, description: 'The catalog variant; null if the catalog is unavailable.' })
  variant!: VariantReference | null;

  @Field(() => Money, { description: 'The catalog price now.' })
  unitPrice!: Money;

  @Field(() => Money, { nullable: true, description: 'The catalog "was" price; null when none.' })
  compareAtPrice!: Money | null;

  @Field(() => [CartDiscountAllocation], { description: 'The discounts on this line, each with its share.' })
  discountAllocations!: CartDiscountAllocation[];

  @Field(() => CartLineCost, { description: 'What the line costs now.' })
  cost!: CartLineCost;
}

@ObjectType('CartLineConnection', { description: "A page of a cart's lines, oldest first." })
export class CartLineConnection extends Connection(CartLineView, 'CartLine') {}

@ObjectType({ description: 'A code entered on a cart; it stays there whether or not it applies.' })
export class CartDiscountCode {
  @Field(() => String, { description: 'The code as entered.' })
  code!: string;

  @Field(() => Boolean, { description: 'Whether it gives a discount now.' })
  applicable!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why it gives nothing: UNKNOWN, EXPIRED, NOT_FOR_CHANNEL, MINIMUM_NOT_MET, USAGE_LIMIT_REACHED, CUSTOMER_REQUIRED…',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it does not apply, for the shopper; null when it applies.' })
  message!: string | null;
}

@ObjectType({ description: 'Tax at one rate.' })
export class CartTaxLine {
  @Field(() => String, { description: 'The tax\'s name, e.g. "VAT 19%".' })
  title!: string;

  @Field(() => String, { description: 'The rate as a decimal percentage, e.g. "19" or "5.5".' })
  ratePercent!: string;

  @Field(() => Money, { description: 'Tax at this rate, over the whole cart.' })
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

  @Field(() => Money, { description: 'What the shopper pays: subtotal - discounts + shipping (+ tax when prices exclude it).' })
  total!: Money;

  @Field(() => Boolean, { description: 'Whether prices include tax (then `taxTotal` is inside `total`).' })
  pricesIncludeTax!: boolean;

  @Field(() => String, { description: 'The country whose rates taxed the cart.' })
  taxCountryCode!: string;

  @Field(() => [CartTaxLine], { description: 'Tax per rate, highest rate first.' })
  taxLines!: CartTaxLine[];
}

@ObjectType({ description: 'Something about the cart the shopper can fix.' })
export class CartWarning {
  @Field(() => CartWarningCode, { description: 'What the problem is.' })
  code!: CartWarningCode;

  @Field(() => String, { description: 'The problem in words, for the shopper.' })
  message!: string;

  @Field(() => ID, { nullable: true, description: 'The line it is about; null for the whole cart.' })
  @Extensions({ globalIdType: 'CartLine' })
  lineId!: string | null;

  @Field(() => Int, { nullable: true, description: 'For stock warnings: units available for the chosen delivery.' })
  quantityAvailable!: number | null;
}

@ObjectType({ description: 'A way the cart can reach the shopper, with its price for this cart.' })
export class DeliveryOption {
  @Field(() => String, { description: 'Pass to cartDeliveryUpdate to choose it.' })
  handle!: string;

  @Field(() => DeliveryMethod, { description: 'SHIP, PICKUP or SHIP_TO_STORE.' })
  method!: DeliveryMethod;

  @Field(() => String, { description: 'What to show the shopper, e.g. "Standard" or "Pick up at Berlin Mitte".' })
  title!: string;

  @Field(() => Money, { description: "What it costs, free above the rate's threshold." })
  price!: Money;

  @Field(() => LocationReference, { nullable: true, description: 'The store (PICKUP, SHIP_TO_STORE).' })
  location!: LocationReference | null;

  @Field(() => Int, { description: 'Fewest days until delivery (0: today).' })
  minDays!: number;

  @Field(() => Int, { description: 'Most days until delivery.' })
  maxDays!: number;

  @Field(() => Int, { nullable: true, description: 'PICKUP: units of the cart the store can hand over now.' })
  quantityAvailableNow!: number | null;
}

@ObjectType('CartAddress', { description: 'The delivery address of a cart.' })
export class CartAddressView {
  @Field(() => String, { nullable: true, description: "Recipient's given name." })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: "Recipient's family name." })
  lastName!: string | null;

  @Field(() => String, { description: 'Street and number.' })
  address1!: string;

  @Field(() => String, { nullable: true, description: 'Apartment, suite, floor.' })
  address2!: string | null;

  @Field(() => String, { description: 'City or town.' })
  city!: string;

  @Field(() => String, { nullable: true, description: 'State, province or region.' })
  province!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal or ZIP code.' })
  postalCode!: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code; decides tax and shipping zone.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'Phone number for the carrier.' })
  phone!: string | null;
}

@ObjectType({ description: 'The delivery chosen for a cart.' })
export class CartDelivery {
  @Field(() => DeliveryMethod, { description: 'SHIP, PICKUP or SHIP_TO_STORE.' })
  method!: DeliveryMethod;

  @Field(() => DeliveryOption, { nullable: true, description: 'The chosen option as it stands now; null when it is no longer offered.' })
  option!: DeliveryOption | null;

  @Field(() => CartAddressView, { nullable: true, description: 'Where it ships (SHIP); null for a store delivery.' })
  address!: CartAddressView | null;
}

@ObjectType('CartConnection', { description: 'A page of carts.' })
export class CartConnection extends Connection(Cart) {}
