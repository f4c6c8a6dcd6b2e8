import { BigIntType, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** One append-only fact about a payment; unique per idempotency key, so a retried step records it once. */
@Entity({ tableName: 'payment_event' })
@Index({ properties: ['paymentId', 'id'] })
export class PaymentEventRecord {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'uuid' })
  paymentId!: string;

  /** AUTHORIZE, CAPTURE, SALE, VOID, REFUND, CHANGE. */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: new BigIntType('number') })
  amountMinor!: number;

  /** SUCCEEDED, DECLINED, PENDING: money counts as moved only on SUCCEEDED. */
  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'text' })
  @Unique()
  idempotencyKey!: string;

  @Property({ type: 'text', nullable: true })
  providerReference: string | null = null;

  /** The till drawer session cash went out of or into, when it was not the order's own (a cash refund at another till). */
  @Property({ type: 'uuid', nullable: true })
  posSessionId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
