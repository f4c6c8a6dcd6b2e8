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
}

export enum PaymentMethodValue {
  TEST_CARD = 'TEST_CARD',
  GIFT_CARD = 'GIFT_CARD',
  STORE_CREDIT = 'STORE_CREDIT',
  LOYALTY_POINTS = 'LOYALTY_POINTS',
  CASH = 'CASH',
  MANUAL = 'MANUAL',
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
});
registerEnumType(FulfillmentStatusValue, {
  name: 'FulfillmentStatus',
  description: 'How much of the order has left, derived from its lines.',
});
registerEnumType(PaymentMethodValue, { name: 'PaymentMethod', description: 'How a tender is paid.' });
registerEnumType(PaymentStatusValue, { name: 'PaymentStatus', description: "One payment's state, derived from its events." });

@ObjectType({ description: "One discount's share of an order line, as it was when the order was placed." })
export class OrderDiscountAllocation {
  @Field(() => ID)
  discountId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType({ description: 'Tax at one rate.' })
export class OrderTaxLine {
  @Field(() => String)
  title!: string;

  @Field(() => Int, { description: 'In basis points: 1900 is 19%.' })
  rateBasisPoints!: number;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType({ description: 'A discount that applied to the order, and what it took in total.' })
export class DiscountApplication {
  @Field(() => ID)
  discountId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType('OrderLine', { description: 'What was sold on one line, as it was sold: a snapshot, never re-read from the catalog.' })
export class OrderLineView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  sku!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  variantTitle!: string | null;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int, { description: 'Units that have left.' })
  quantityFulfilled!: number;

  @Field(() => Money)
  unitPrice!: Money;

  @Field(() => Money, { description: 'Quantity × unit price.' })
  subtotal!: Money;

  @Field(() => Money)
  discount!: Money;

  @Field(() => Money)
  tax!: Money;

  @Field(() => Money, { description: 'What the customer paid for the line.' })
  total!: Money;

  @Field(() => [OrderDiscountAllocation])
  discountAllocations!: OrderDiscountAllocation[];

  @Field(() => [OrderTaxLine])
  taxLines!: OrderTaxLine[];
}

@ObjectType({ description: "The order's figures: subtotal − discounts + shipping (+ tax when prices exclude it) = total." })
export class OrderTotals {
  @Field(() => Money)
  subtotal!: Money;

  @Field(() => Money)
  discountTotal!: Money;

  @Field(() => Money, { description: 'After its discount.' })
  shipping!: Money;

  @Field(() => Money)
  shippingDiscount!: Money;

  @Field(() => Money)
  taxTotal!: Money;

  @Field(() => Money)
  total!: Money;

  @Field(() => Boolean)
  pricesIncludeTax!: boolean;
}

@ObjectType('PaymentEvent', { description: 'One append-only fact about a payment.' })
export class PaymentEventView {
  @Field(() => String, { description: 'AUTHORIZE, CAPTURE, SALE, VOID, REFUND or CHANGE.' })
  kind!: string;

  @Field(() => Money)
  amount!: Money;

  @Field(() => String, { description: 'SUCCEEDED, DECLINED or PENDING: money moved only on SUCCEEDED.' })
  status!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('Payment', { description: 'One tender of an order; its amounts are sums of its events.' })
export class PaymentView {
  @Field(() => ID)
  id!: string;

  @Field(() => PaymentMethodValue)
  method!: PaymentMethodValue;

  @Field(() => String, {
    nullable: true,
    description: "What identifies the source to its owner: a card's last four digits, a gift card's last characters.",
  })
  sourceHint!: string | null;

  @Field(() => Money, { description: 'What this tender was asked to pay.' })
  amount!: Money;

  @Field(() => Money)
  authorized!: Money;

  @Field(() => Money)
  captured!: Money;

  @Field(() => Money)
  refunded!: Money;

  @Field(() => PaymentStatusValue)
  status!: PaymentStatusValue;

  @Field(() => [PaymentEventView])
  events!: PaymentEventView[];
}

@ObjectType('OrderEvent', { description: 'Something that happened to an order, numbered per order.' })
export class OrderEventView {
  @Field(() => Int)
  sequence!: number;

  @Field(() => String, { description: 'order.placed, order.paid…' })
  type!: string;

  @Field(() => Date)
  occurredAt!: Date;
}

@ObjectType('OrderAddress', { description: 'Where a shipped order goes.' })
export class OrderAddressView {
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
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;
}

@ObjectType('OrderConnection', { description: 'A page of orders, newest first.' })
export class OrderConnection extends Connection(Order) {}

@InputType({ description: 'Which orders to list; every field narrows the list.' })
export class OrderFilter {
  @Field(() => SalesChannel, { nullable: true })
  channel?: SalesChannel | null;

  @Field(() => OrderStatus, { nullable: true })
  status?: OrderStatus | null;

  @Field(() => FinancialStatusValue, { nullable: true })
  financialStatus?: FinancialStatusValue | null;

  @Field(() => ID, { nullable: true, description: 'The pickup store.' })
  locationId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Placed at or after.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Placed before.' })
  to?: Date | null;
}

@ArgsType()
export class OrdersArgs extends ConnectionArgs {
  @Field(() => OrderFilter, { nullable: true })
  filter?: OrderFilter | null;

  @Field(() => String, { nullable: true, description: 'An order number ("#1001" or "1001") or an email.' })
  query?: string | null;
}
