import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One tender of an order. Its amounts are the sums of its events (PaymentEventRecord), never stored here. */
@Entity({ tableName: 'payment' })
@Index({ properties: ['orderId'] })
export class Payment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  orderId!: string;

  /** TEST_CARD, GIFT_CARD, STORE_CREDIT, LOYALTY_POINTS, CASH, MANUAL. */
  @Property({ type: 'text' })
  method!: string;

  /** The amount this tender was asked to pay. */
  @Property({ type: new BigIntType('number') })
  amountMinor!: number;

  @Property({ type: 'text' })
  currencyCode!: string;

  /** What the customer sees of the source: a card's last four, a gift card's last characters. */
  @Property({ type: 'text', nullable: true })
  sourceHint: string | null = null;

  /** The provider's reference for the authorization or debit: what capture, void and refund name. */
  @Property({ type: 'text', nullable: true })
  providerReference: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
