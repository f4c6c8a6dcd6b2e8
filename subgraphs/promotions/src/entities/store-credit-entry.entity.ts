import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { StoreCreditAccount } from './store-credit-account.entity';

/** One change of a store credit balance; the entries of an account sum to its balance. */
@ObjectType({ description: 'One change of a store credit balance.' })
@Entity({ tableName: 'store_credit_entry' })
@Index({ properties: ['accountId', 'createdAt'] })
export class StoreCreditEntry {
  @Field(() => ID, { description: 'Global id, `gid://commerce/StoreCreditEntry/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => StoreCreditAccount, { mapToPk: true, fieldName: 'account_id', deleteRule: 'cascade' })
  accountId!: string;

  /** Signed change in minor units: positive for issued credit, negative for debits. */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Property({ type: new BigIntType('number') })
  balanceAfter!: number;

  @Field(() => String, { nullable: true, description: "Staff's reason; null when none." })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => String, { nullable: true, description: 'What the change belongs to, e.g. an order.' })
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'text', nullable: true })
  actor: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
