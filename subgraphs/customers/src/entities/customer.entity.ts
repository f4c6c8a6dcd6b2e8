import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** One person, recognised on every channel they shop through. */
@ObjectType({ description: 'One person, recognised on every channel they shop through.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'customer' })
export class Customer {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  @Unique()
  email: string | null = null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. "+4930123456".' })
  @Property({ type: 'text', nullable: true })
  @Unique()
  phone: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  firstName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastName: string | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  acceptsMarketing = false;

  @Field(() => [String])
  @Property({ type: ArrayType, default: '{}' })
  tags: string[] = [];

  /** `scrypt$N$r$p$salt$hash`; null for a customer who never set a password (e.g. met at a till). */
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash: string | null = null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
