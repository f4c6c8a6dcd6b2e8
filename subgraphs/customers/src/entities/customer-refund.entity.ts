import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Money given back to a customer for returned units, as the orders subgraph announced it
 * (refund.created): total spent is what their orders cost less these. One row per refund, so a
 * repeated event changes nothing.
 */
@Entity({ tableName: 'customer_refund' })
@Index({ properties: ['customerId'] })
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
