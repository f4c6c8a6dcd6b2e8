import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An order a customer placed, as the orders subgraph announced it (order.placed): the facts the
 * customer's order count, total spent and last order date are summed from, never counters that
 * could drift. One row per order, so a repeated event changes nothing.
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
}
