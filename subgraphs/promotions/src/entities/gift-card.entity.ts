import { randomUUID } from 'node:crypto';
import { BigIntType, Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A gift card. Only a SHA-256 hash of the normalised code and its last four characters are
 * kept, so a copy of the database does not hand out spendable codes.
 */
@ObjectType({ description: 'A gift card; its full code is shown only once, when it is created.' })
@Check({ expression: 'balance >= 0' })
@Entity({ tableName: 'gift_card' })
export class GiftCard {
  @Field(() => ID, { description: 'Global id, `gid://commerce/GiftCard/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  codeHash!: string;

  @Field(() => String, { description: 'The last four characters of the code, to tell cards apart.' })
  @Property({ type: 'text' })
  lastCharacters!: string;

  @Property({ type: new BigIntType('number') })
  initialValue!: number;

  /** Minor units; a check constraint keeps it at or above zero. */
  @Property({ type: new BigIntType('number') })
  balance!: number;

  @Property({ type: 'text', length: 3 })
  currencyCode!: string;

  @Field(() => String, { nullable: true, description: 'The last day the card can be used (YYYY-MM-DD, UTC).' })
  @Property({ type: 'date', nullable: true })
  expiresOn: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The customer it belongs to (global id); null for a card anyone may hold.' })
  @Property({ type: 'text', nullable: true, index: true })
  customerId: string | null = null;

  @Field(() => String, { nullable: true, description: "Staff's note; null when none." })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When staff disabled it; null while usable.' })
  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;

  @Field(() => Date, { description: 'When it was issued.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
