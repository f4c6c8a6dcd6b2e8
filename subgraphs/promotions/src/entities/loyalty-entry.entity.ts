import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LoyaltyAccount } from './loyalty-account.entity';
import { LoyaltyEntryKind } from './loyalty-enums';

/** One change of a loyalty balance; the entries of an account sum to its points. */
@ObjectType({ description: 'One change of a loyalty points balance.' })
@Entity({ tableName: 'loyalty_entry' })
@Index({ properties: ['accountId', 'kind', 'createdAt'] })
export class LoyaltyEntry {
  @Field(() => ID, { description: 'Global id, `gid://commerce/LoyaltyEntry/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => LoyaltyAccount, { mapToPk: true, fieldName: 'account_id', deleteRule: 'cascade' })
  accountId!: string;

  @Field(() => LoyaltyEntryKind, { description: 'What moved the balance.' })
  @Enum({ items: () => LoyaltyEntryKind })
  kind!: LoyaltyEntryKind;

  @Field(() => Int, { description: 'Signed change in points.' })
  @Property({ type: 'int' })
  points!: number;

  @Field(() => Int, { description: 'The points balance after this entry.' })
  @Property({ type: 'int' })
  balanceAfter!: number;

  @Field(() => Int, {
    description:
      'A take-back of points for a cancelled or refunded order: the points it could not take back because the balance was too low (spent already); 0 otherwise.',
  })
  @Property({ type: 'int', default: 0 })
  shortfall: number = 0;

  @Field(() => String, { nullable: true, description: "Staff's reason for an adjustment; null otherwise." })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => String, { nullable: true, description: 'What the entry belongs to, e.g. an order; null when none.' })
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Property({ type: 'text', nullable: true })
  channel: string | null = null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  @Property({ type: 'text', nullable: true })
  actor: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
