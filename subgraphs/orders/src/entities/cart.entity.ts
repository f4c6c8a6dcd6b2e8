import { randomBytes } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../constants';
import { CartStatus, DeliveryMethod } from './cart-enums';

/** 24 random bytes, base64url: the only thing a guest holds, so it cannot be guessed. */
export function newCartId(): string {
  return randomBytes(24).toString('base64url');
}

/** A cart id has this form; anything else is unknown without a database read. */
export const CART_ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/**
 * A basket being filled; it follows the customer across devices and channels. At most one OPEN
 * cart per customer (a partial unique index). `version` grows with every change, so a read can
 * tell whether what it priced is still current.
 */
@ObjectType({ description: 'A basket being filled; it follows the customer across devices and channels.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'cart' })
@Index({ properties: ['status', 'updatedAt'] })
@Index({
  name: 'cart_open_customer_unique',
  expression: `create unique index "cart_open_customer_unique" on "${SCHEMA}"."cart" ("customer_id") where "status" = 'OPEN' and "customer_id" is not null`,
})
export class Cart {
  @Field(() => ID, { description: 'Unguessable: a guest holds the cart by this id alone.' })
  @PrimaryKey({ type: 'text' })
  id: string = newCartId();

  @Field(() => SalesChannel, { description: 'The channel the cart is being filled on; opening it on another moves it there.' })
  @Enum({ items: () => SalesChannel })
  channel!: SalesChannel;

  @Field(() => CartStatus, { description: "OPEN, COMPLETED (ordered) or MERGED (into the customer's cart)." })
  @Enum({ items: () => CartStatus })
  status: CartStatus = CartStatus.OPEN;

  /** The cart this one was merged into. */
  @Property({ type: 'text', nullable: true })
  mergedIntoId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  /** ISO 3166-1 alpha-2: where the buyer is, and where goods ship unless a delivery address says otherwise. */
  @Property({ type: 'text', nullable: true })
  countryCode: string | null = null;

  @Field(() => String, { nullable: true, description: "The shopper's note for the order; null when none." })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Enum({ items: () => DeliveryMethod, nullable: true })
  deliveryMethod: DeliveryMethod | null = null;

  /** The shipping rate chosen (SHIP). */
  @Property({ type: 'uuid', nullable: true })
  shippingRateId: string | null = null;

  /** The store chosen (PICKUP, SHIP_TO_STORE). */
  @Property({ type: 'uuid', nullable: true })
  pickupLocationId: string | null = null;

  /**
   * Where the chosen store is (PICKUP, SHIP_TO_STORE), as inventory told it when the store was
   * chosen: a pickup checkout is taxed by it without asking again, and the hold at the store
   * checks that it still offers pickup.
   */
  @Property({ type: 'json', nullable: true })
  pickupStore: CartPickupStore | null = null;

  /** The delivery address (SHIP), as entered. */
  @Property({ type: 'json', nullable: true })
  shippingAddress: CartAddress | null = null;

  @Property({ type: 'text' })
  currencyCode!: string;

  @Field(() => Date, { description: 'When the cart was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the cart last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  /** When a recovery link was last sent; a cart is reminded once per abandonment. */
  @Property({ type: 'datetime', nullable: true })
  recoverySentAt: Date | null = null;

  @Property({ type: 'integer', default: 1 })
  version = 1;
}

/** The chosen store as its pickup is taxed: its name and where it is. */
export interface CartPickupStore {
  name: string;
  countryCode: string;
  province: string | null;
}

/** A delivery address as the cart keeps it. */
export interface CartAddress {
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  postalCode: string | null;
  countryCode: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  /** Where it is, when the storefront said (an address search): routing ships from the nearest location. */
  coordinates?: { latitude: number; longitude: number } | null;
}
