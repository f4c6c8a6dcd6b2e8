import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../types/node';

/** One person, recognised on every channel they shop through. */
@ObjectType({ description: 'One person, recognised on every channel they shop through.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'customer' })
// The staff list of customers, newest first.
@Index({ properties: ['createdAt', 'id'] })
export class Customer {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Customer/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { nullable: true, description: 'Lower-case email; null when the customer gave only a phone number.' })
  @Property({ type: 'text', nullable: true })
  @Unique()
  email: string | null = null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. "+4930123456".' })
  @Property({ type: 'text', nullable: true })
  @Unique()
  phone: string | null = null;

  @Field(() => String, { nullable: true, description: 'Given name; null when not given.' })
  @Property({ type: 'text', nullable: true })
  firstName: string | null = null;

  @Field(() => String, { nullable: true, description: 'Family name; null when not given.' })
  @Property({ type: 'text', nullable: true })
  lastName: string | null = null;

  @Field(() => Boolean, { description: 'Whether the customer agreed to receive marketing; only ever set from what they said.' })
  @Property({ type: 'boolean', default: false })
  acceptsMarketing = false;

  @Field(() => [String], { description: 'Staff labels, lower-case, e.g. "vip".' })
  @Property({ type: ArrayType, default: '{}' })
  tags: string[] = [];

  /** `scrypt$N$r$p$salt$hash`; null for a customer who never set a password (e.g. met at a till). */
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash: string | null = null;

  /**
   * One of the customer's own addresses; deleting it passes the default on (see the address
   * service). Named by entity name: the address names its customer, and two entity modules
   * importing each other would make their load order matter.
   */
  @ManyToOne('CustomerAddress', { mapToPk: true, nullable: true, fieldName: 'default_address_id', deleteRule: 'set null' })
  @Index()
  defaultAddressId: string | null = null;

  /**
   * Set when this customer was merged into another: the row stays only as a redirect, so ids
   * other subgraphs hold keep resolving. Always the final customer (chains are flattened).
   */
  @ManyToOne(() => Customer, { mapToPk: true, nullable: true, fieldName: 'merged_into_id', deleteRule: 'restrict' })
  @Index()
  mergedIntoId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  mergedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: "When the customer's personal data was erased; null while it is kept." })
  @Property({ type: 'datetime', nullable: true })
  erasedAt: Date | null = null;

  @Field(() => Date, { description: 'When the customer signed up or was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
