import { randomUUID } from 'node:crypto';
import { BigIntType, Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A customer's store credit: one balance in minor units, changed only with a ledger entry. */
@ObjectType({ description: "A customer's store credit balance." })
@Check({ expression: 'balance >= 0' })
@Entity({ tableName: 'store_credit_account' })
export class StoreCreditAccount {
  @Field(() => ID, { description: 'Global id, `gid://commerce/StoreCreditAccount/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'The customer (global id).' })
  @Property({ type: 'text', unique: true })
  customerId!: string;

  /** Minor units; a check constraint keeps it at or above zero. */
  @Property({ type: new BigIntType('number') })
  balance = 0;

  @Property({ type: 'text', length: 3 })
  currencyCode!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
