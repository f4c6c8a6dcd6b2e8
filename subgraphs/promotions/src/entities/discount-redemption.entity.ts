import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Discount } from './discount.entity';
import { RedemptionStatus } from './discount-enums';

/**
 * One use of a discount by an order: reserved at checkout, then committed with the order,
 * released, or expired, so a checkout that crashes never holds a use for ever.
 */
@ObjectType({ description: 'One use of a discount by an order.' })
@Directive('@inaccessible')
@Entity({ tableName: 'discount_redemption' })
@Unique({ properties: ['key', 'discountId'] })
@Index({ properties: ['discountId', 'customerId', 'status'] })
@Index({ properties: ['status', 'expiresAt'] })
export class DiscountRedemption {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The checkout's idempotency key: one redemption per discount per key. */
  @Field(() => String)
  @Property({ type: 'text' })
  key!: string;

  @Field(() => ID)
  @ManyToOne(() => Discount, { mapToPk: true, fieldName: 'discount_id', deleteRule: 'cascade' })
  discountId!: string;

  @Property({ type: 'text', nullable: true })
  customerId: string | null = null;

  @Property({ type: 'text', nullable: true })
  orderReference: string | null = null;

  @Field(() => String, { description: 'RESERVED, COMMITTED, RELEASED or EXPIRED.' })
  @Enum({ items: () => RedemptionStatus })
  status: RedemptionStatus = RedemptionStatus.RESERVED;

  @Field(() => Date, { description: 'When a RESERVED use lapses unless committed first; a committed use never lapses.' })
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
