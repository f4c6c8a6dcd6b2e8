import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An order a customer placed, as the orders subgraph announced it (order.placed, and
 * order.cancelled when it went whole): the facts the customer's order count, total spent,
 * average order value, channels and last order date are summed from, never counters that could
 * drift. One row per order, so a repeated event changes nothing.
 */
@Entity({ tableName: 'customer_order' })
@Index({ properties: ['customerId', 'placedAt'] })
export class CustomerOrder {
  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'text' })
  number!: string;

  @Property({ type: new BigIntType('number') })
  totalMinor!: number;

  @Property({ type: 'text' })
  currencyCode!: string;

  @Property({ type: 'datetime' })
  placedAt!: Date;

  /** The channel it was placed on; null for orders recorded before channels were kept. */
  @Property({ type: 'text', nullable: true })
  channel: string | null = null;

  /** When the whole order was cancelled: it no longer counts as an order or as spend. */
  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;
}
