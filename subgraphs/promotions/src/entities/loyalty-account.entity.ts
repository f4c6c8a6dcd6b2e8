import { randomUUID } from 'node:crypto';
import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** A customer's loyalty points, changed only with a ledger entry. */
@ObjectType({ description: "A customer's loyalty points and tier." })
@Entity({ tableName: 'loyalty_account' })
@Check({ expression: 'points >= 0' })
export class LoyaltyAccount {
  @Field(() => ID, { description: 'Global id, `gid://commerce/LoyaltyAccount/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'The customer (global id).' })
  @Property({ type: 'text', unique: true })
  customerId!: string;

  @Field(() => Int, { description: 'Points available to redeem.' })
  @Property({ type: 'int' })
  points = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
