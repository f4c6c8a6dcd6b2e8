import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Money given back to a customer for returned or cancelled units, as the orders subgraph
 * announced it (refund.created, order.cancelled): what an order counts as spend is its total less
 * these. One row per refund or cancellation (keyed by its id or its event's), so a repeated event
 * changes nothing.
 */
@Entity({ tableName: 'customer_refund' })
@Index({ properties: ['customerId'] })
@Index({ properties: ['orderId'] })
export class CustomerRefund {
  @PrimaryKey({ type: 'uuid' })
  refundId!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: new BigIntType('number') })
  amountMinor!: number;

  @Property({ type: 'datetime' })
  refundedAt!: Date;
}
