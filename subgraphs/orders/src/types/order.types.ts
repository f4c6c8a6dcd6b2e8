import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, ConnectionArgs, Money, SalesChannel } from '#platform/graphql';
import { Order, OrderStatus } from '../entities';

/** The order's payment state, derived from its payments' ledgers (ORDERS.md). */
export enum FinancialStatusValue {
  PENDING = 'PENDING',
  AUTHORIZED = 'AUTHORIZED',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
  VOIDED = 'VOIDED',
}

/** How much of the order has left, derived from the lines' counters. */
export enum FulfillmentStatusValue {
  UNFULFILLED = 'UNFULFILLED',
  PARTIALLY_FULFILLED = 'PARTIALLY_FULFILLED',
  FULFILLED = 'FULFILLED',
  READY_FOR_PICKUP = 'READY_FOR_PICKUP',
  PICKED_UP = 'PICKED_UP',
  PARTIALLY_RETURNED = 'PARTIALLY_RETURNED',
  RETURNED = 'RETURNED',
}

export enum PaymentMethodValue {
  TEST_CARD = 'TEST_CARD',
  GIFT_CARD = 'GIFT_CARD',
  STORE_CREDIT = 'STORE_CREDIT',
  LOYALTY_POINTS = 'LOYALTY_POINTS',
  CASH = 'CASH',
  MANUAL = 'MANUAL',
  CARD_EXTERNAL = 'CARD_EXTERNAL',
  EXCHANGE_CREDIT = 'EXCHANGE_CREDIT',
}

export enum PaymentStatusValue {
  PENDING = 'PENDING',
  FAILED = 'FAILED',
  AUTHORIZED = 'AUTHORIZED',
  PARTIALLY_CAPTURED = 'PARTIALLY_CAPTURED',
  CAPTURED = 'CAPTURED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
  VOIDED = 'VOIDED',
}

registerEnumType(FinancialStatusValue, {
  name: 'FinancialStatus',
  description: "The order's payment state, derived from its payments' events.",
  valuesConfig: {
    AUTHORIZED: { description: 'The total is held, not yet taken.' },
    PAID: { description: 'The total is taken.' },
    PARTIALLY_PAID: { description: 'Part of the total is taken.' },
    PARTIALLY_REFUNDED: { description: 'Part of what was paid was given back.' },
    PENDING: { description: 'No payment is settled yet.' },
    REFUNDED: { description: 'All of what was paid was given back.' },
    VOIDED: { description: 'Every hold was released; nothing was taken.' },
  },
});
registerEnumType(FulfillmentStatusValue, {
  name: 'FulfillmentStatus',
  description: 'How much of the order has left, derived from its lines.',
  valuesConfig: {
    FULFILLED: { description: 'Everything was shipped.' },
    PICKED_UP: { description: 'The customer collected everything at the store.' },
    READY_FOR_PICKUP: { description: 'Waiting at the store for the customer, until the pickup deadline.' },
    PARTIALLY_FULFILLED: { description: 'Some lines were handed over or shipped.' },
    UNFULFILLED: { description: 'Nothing has been handed over or shipped.' },
    PARTIALLY_RETURNED: { description: 'Some units that left came back (a received return).' },
    RETURNED: { description: 'Every unit that left came back.' },
  },
});
registerEnumType(PaymentMethodValue, {
  name: 'PaymentMethod',
  description: 'How a tender is paid.',
  valuesConfig: {
    CASH: { description: 'Cash at a till (staff only).' },
    GIFT_CARD: { description: 'A gift card, by its code.' },
    LOYALTY_POINTS: { description: "The signed-in customer's loyalty points." },
    MANUAL: { description: 'Recorded by staff, paid outside the system (staff only).' },
    CARD_EXTERNAL: { description: "A standalone card terminal's payment, recorded by its reference (staff only)." },
    STORE_CREDIT: { description: "The signed-in customer's store credit." },
    EXCHANGE_CREDIT: { description: 'An exchange: the value of the returned units, put toward the new items (Return.exchangeOrder).' },
    TEST_CARD: { description: 'The test card provider (numbers in the README).' },
  },
});
registerEnumType(PaymentStatusValue, {
  name: 'PaymentStatus',
  description: "One payment's state, derived from its events.",
  valuesConfig: {
    AUTHORIZED: { description: 'Held on the card, not yet taken.' },
    CAPTURED: { description: 'Taken.' },
    FAILED: { description: 'Declined or failed; nothing was taken.' },
    PARTIALLY_CAPTURED: { description: 'Part of the authorized amount was taken.' },
    PARTIALLY_REFUNDED: { description: 'Part of it was given back.' },
    PENDING: { description: 'Asked for; the provider has not answered yet.' },
    REFUNDED: { description: 'All of it was given back.' },
    VOIDED: { description: 'The hold was released; nothing was taken.' },
  },
});

@ObjectType({ description: "One discount's share of an order line, as it was when the order was placed." })
export class OrderDiscountAllocation {
  @Field(() => ID, { description: 'The discount (global id).' })
  discountId!: string;

  @Field(() => String, { description: "The discount's title when it was applied." })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The code entered; null for an automatic discount.' })
  code!: string | null;

  @Field(() => Money, { description: 'What it took off.' })
  amount!: Money;
}

@ObjectType({ description: 'Tax at one rate.' })
export class OrderTaxLine {
  @Field(() => String, { description: 'The tax\'s name, e.g. "VAT 19%".' })
  title!: string;

  @Field(() => Int, { description: 'In basis points: 1900 is 19%.' })
  rateBasisPoints!: number;

  @Field(() => Money, { description: 'Tax at this rate.' })
  amount!: Money;
}

@ObjectType({ description: 'A discount that applied to the order, and what it took in total.' })
export class DiscountApplication {
  @Field(() => ID, { description: 'The discount (global id).' })
  discountId!: string;

  @Field(() => String, { description: "The discount's title when it was applied." })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The code entered; null for an automatic discount.' })
  code!: string | null;

  @Field(() => Money, { description: 'What it took off the order in total.' })
  amount!: Money;
}

@ObjectType('OrderLine', { description: 'What was sold on one line, as it was sold: a snapshot, never re-read from the catalog.' })
export class OrderLineView {
  @Field(() => ID, { description: 'Global id, `gid://commerce/OrderLine/<key>`.' })
  id!: string;

  @Field(() => String, { description: 'The SKU sold.' })
  sku!: string;

  @Field(() => String, { description: "The product's title when it was sold." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The variant's title when it was sold." })
  variantTitle!: string | null;

  @Field(() => Int, { description: 'Units sold.' })
  quantity!: number;

  @Field(() => Int, { description: 'Units that have left.' })
  quantityFulfilled!: number;

  @Field(() => Int, { description: 'Units cancelled before they left.' })
  quantityCancelled!: number;

  @Field(() => Int, { description: 'Units on returns not yet received (asked for or opened).' })
  quantityReturnRequested!: number;

  @Field(() => Int, { description: 'Units that came back on a return (restocked or damaged).' })
  quantityReturned!: number;

  @Field(() => Int, { description: 'Returned units refunded (cancelled units are refunded by their cancellation).' })
  quantityRefunded!: number;

  @Field(() => Money, { description: 'The price of one unit when it was sold.' })
  unitPrice!: Money;

  @Field(() => Money, { description: 'Quantity × unit price.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'Discounts on the line, in total.' })
  discount!: Money;

  @Field(() => Money, { description: 'Tax of the line.' })
  tax!: Money;

  @Field(() => Money, { description: 'What the customer paid for the line.' })
  total!: Money;

  @Field(() => [OrderDiscountAllocation], { description: 'The discounts on the line, each with its share.' })
  discountAllocations!: OrderDiscountAllocation[];

  @Field(() => [OrderTaxLine], { description: "The line's tax by rate." })
  taxLines!: OrderTaxLine[];
}

@ObjectType({ description: "The order's figures: subtotal − discounts + shipping (+ tax when prices exclude it) = total." })
export class OrderTotals {
  @Field(() => Money, { description: 'The lines before discounts.' })
  subtotal!: Money;

  @Field(() => Money, { description: 'All discounts on items and the order.' })
  discountTotal!: Money;

  @Field(() => Money, { description: 'After its discount.' })
  shipping!: Money;

  @Field(() => Money, { description: 'What discounts took off shipping.' })
  shippingDiscount!: Money;

  @Field(() => Money, { description: 'All tax (inside `total` when prices include tax).' })
  taxTotal!: Money;

  @Field(() => Money, { description: 'What the customer pays.' })
  total!: Money;

  @Field(() => Boolean, { description: 'Whether prices include tax.' })
  pricesIncludeTax!: boolean;
}

@ObjectType('PaymentEvent', { description: 'One append-only fact about a payment.' })
export class PaymentEventView {
  @Field(() => String, { description: 'AUTHORIZE, CAPTURE, SALE, VOID, REFUND or CHANGE.' })
  kind!: string;

  @Field(() => Money, { description: 'The amount of the step.' })
  amount!: Money;

  @Field(() => String, { description: 'SUCCEEDED, DECLINED or PENDING: money moved only on SUCCEEDED.' })
  status!: string;

  @Field(() => Date, { description: 'When it was recorded.' })
  createdAt!: Date;
}

@ObjectType('Payment', { description: 'One tender of an order; its amounts are sums of its events.' })
export class PaymentView {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Payment/<key>`.' })
  id!: string;

  @Field(() => PaymentMethodValue, { description: 'How it is paid.' })
  method!: PaymentMethodValue;

  @Field(() => String, {
    nullable: true,
    description: "What identifies the source to its owner: a card's last four digits, a gift card's last characters.",
  })
  sourceHint!: string | null;

  @Field(() => Money, { description: 'What this tender was asked to pay.' })
  amount!: Money;

  @Field(() => Money, { description: 'Amount authorized and not voided.' })
  authorized!: Money;

  @Field(() => Money, { description: 'Amount taken.' })
  captured!: Money;

  @Field(() => Money, { description: 'Amount given back.' })
  refunded!: Money;

  @Field(() => PaymentStatusValue, { description: 'Where the payment stands, from its events.' })
  status!: PaymentStatusValue;

  @Field(() => [PaymentEventView], { description: 'Every step, oldest first (authorize, capture, sale, void, refund, change).' })
  events!: PaymentEventView[];
}

@ObjectType('OrderEvent', { description: 'Something that happened to an order, numbered per order.' })
export class OrderEventView {
  @Field(() => Int, { description: 'Numbered from 1 within the order.' })
  sequence!: number;

  @Field(() => String, { description: 'order.placed, order.paid…' })
  type!: string;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt!: Date;
}

@ObjectType('OrderAddress', { description: 'Where a shipped order goes.' })
export class OrderAddressView {
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

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: "Recipient's given name." })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: "Recipient's family name." })
  lastName!: string | null;
}

@ObjectType('OrderConnection', { description: 'A page of orders, newest first.' })
export class OrderConnection extends Connection(Order) {}

@InputType({ description: 'Which orders to list; every field narrows the list.' })
export class OrderFilter {
  @Field(() => SalesChannel, { nullable: true, description: 'Only orders from this channel.' })
  channel?: SalesChannel | null;

  @Field(() => OrderStatus, { nullable: true, description: 'Only orders with this status.' })
  status?: OrderStatus | null;

  @Field(() => FinancialStatusValue, { nullable: true, description: 'Only orders with this financial status.' })
  financialStatus?: FinancialStatusValue | null;

  @Field(() => ID, { nullable: true, description: 'The pickup store.' })
  locationId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this customer's orders." })
  customerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Placed at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Placed before.' })
  to?: Date | null;
}

@ArgsType()
export class OrdersArgs extends ConnectionArgs {
  @Field(() => OrderFilter, { nullable: true, description: 'Narrows the list: channel, status, financial status, customer, dates.' })
  filter?: OrderFilter | null;

  @Field(() => String, { nullable: true, description: 'An order number ("#1001" or "1001") or an email.' })
  query?: string | null;
}
