import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { FulfillmentMethod, OrderStatus } from './order-enums';

/** A tax amount at one rate, as an order stores it. */
export interface OrderTaxLine {
  name: string;
  rateBasisPoints: number;
  amountMinor: number;
}

/** A discount that applied to the order, with the total it took. */
export interface OrderDiscountApplication {
  discountId: string;
  title: string;
  code: string | null;
  amountMinor: number;
}

/** Something to know about an order: what an offline till did that the server would not have, or a manager's override. */
export interface OrderFlagData {
  code: string;
  message: string;
  /** The order line it is about, if any. */
  orderLineId?: string | null;
}

/** The delivery address of a shipped order, as the cart held it. */
export interface OrderAddress {
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  postalCode: string | null;
  countryCode: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
}

/**
 * A placed order, whichever channel it came from. Its money is a snapshot taken when it was
 * placed; what was paid is the payments' ledger, and the financial and fulfilment statuses are
 * derived from facts (payment events, line counters), never stored here.
 */
@ObjectType({ description: 'A placed order, whichever channel it came from.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'order' })
@Index({ properties: ['customerId', 'createdAt'] })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['pickupDeadline'] })
@Index({ properties: ['posSessionId'] })
@Index({ properties: ['locationId', 'processedAt'] })
export class Order {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Order/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'The number shown to the customer, e.g. "#1001".' })
  @Property({ type: 'text' })
  @Unique()
  number!: string;

  @Field(() => SalesChannel, { description: 'Where the order was placed.' })
  @Enum({ items: () => SalesChannel })
  channel!: SalesChannel;

  /** The cart it was placed from: one order per cart, enforced here. */
  @Property({ type: 'text', nullable: true })
  @Unique()
  cartId: string | null = null;

  /** The checkout that placed it. */
  @Property({ type: 'uuid', nullable: true })
  checkoutId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Where the confirmation goes; a guest’s only identity.' })
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text' })
  currencyCode!: string;

  @Field(() => OrderStatus, { description: 'OPEN, CANCELLED or CLOSED.' })
  @Enum({ items: () => OrderStatus })
  status: OrderStatus = OrderStatus.OPEN;

  @Field(() => FulfillmentMethod, { description: 'SHIP, PICKUP or SHIP_TO_STORE.' })
  @Enum({ items: () => FulfillmentMethod })
  fulfillmentMethod!: FulfillmentMethod;

  @Property({ type: 'json', nullable: true })
  shippingAddress: OrderAddress | null = null;

  /** The store the goods are collected at (PICKUP, SHIP_TO_STORE). */
  @Property({ type: 'uuid', nullable: true })
  pickupLocationId: string | null = null;

  @Property({ type: new BigIntType('number'), default: 0 })
  subtotalMinor = 0;

  @Property({ type: new BigIntType('number'), default: 0 })
  discountTotalMinor = 0;

  @Property({ type: new BigIntType('number'), default: 0 })
  shippingMinor = 0;

  @Property({ type: new BigIntType('number'), default: 0 })
  shippingDiscountMinor = 0;

  @Property({ type: new BigIntType('number'), default: 0 })
  taxTotalMinor = 0;

  @Property({ type: new BigIntType('number'), default: 0 })
  totalMinor = 0;

  @Property({ type: 'boolean', default: true })
  pricesIncludeTax = true;

  @Property({ type: 'json' })
  taxLines: OrderTaxLine[] = [];

  @Property({ type: 'json' })
  discountApplications: OrderDiscountApplication[] = [];

  /** The store that sold it at a till (POS), or null for an online order. */
  @Property({ type: 'uuid', nullable: true })
  locationId: string | null = null;

  /** The staff member who sold it at a till. */
  @Property({ type: 'text', nullable: true })
  staffId: string | null = null;

  /** The till's own id for the sale (a UUID made on the device): one order per id, however often it is sent. */
  @Property({ type: 'text', nullable: true })
  @Unique()
  clientOrderId: string | null = null;

  /** The hash of what the till sent under `clientOrderId`: the same id with other content is a conflict. */
  @Property({ type: 'text', nullable: true })
  clientRequestHash: string | null = null;

  @Property({ type: 'text', nullable: true })
  deviceId: string | null = null;

  /** The cash drawer session the sale belongs to. */
  @Property({ type: 'uuid', nullable: true })
  posSessionId: string | null = null;

  /** What differed when an offline sale was synced, or what a manager changed at the till (see OrderFlag). */
  @Property({ type: 'json' })
  flags: OrderFlagData[] = [];

  /** What the customer shows at the store (PICKUP, SHIP_TO_STORE), set when the order is ready for pickup. */
  @Property({ type: 'text', nullable: true })
  pickupCode: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  readyForPickupAt: Date | null = null;

  /** Not collected by then, the pickup is cancelled and refunded (PICKUP_HOLD_DAYS after ready). */
  @Property({ type: 'datetime', nullable: true })
  pickupDeadline: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  /** The sequence number of the order's last event (OrderEvent, +1 each). */
  @Property({ type: 'integer', default: 0 })
  eventSequence = 0;

  @Field(() => Date, { description: 'When the order was placed.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the sale happened (for an offline till sale, when the till sold it).' })
  @Property({ type: 'datetime' })
  processedAt: Date = new Date();
}
