import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { GiftCard } from './gift-card.entity';
import { GiftCardTransactionKind } from './gift-card-enums';

/** One change of a gift card balance; a card's transactions sum to its balance. */
@ObjectType({ description: 'One change of a gift card balance.' })
@Directive('@inaccessible')
@Entity({ tableName: 'gift_card_transaction' })
@Index({ properties: ['giftCardId', 'createdAt'] })
export class GiftCardTransaction {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID)
  @ManyToOne(() => GiftCard, { mapToPk: true, fieldName: 'gift_card_id', deleteRule: 'cascade' })
  giftCardId!: string;

  @Field(() => String, { description: 'ISSUE, DEBIT or REFUND.' })
  @Enum({ items: () => GiftCardTransactionKind })
  kind!: GiftCardTransactionKind;

  /** Signed change in minor units. */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Property({ type: new BigIntType('number') })
  balanceAfter!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'text', nullable: true })
  actor: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
