import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../constants';
import { Customer } from './customer.entity';

/**
 * A channel a customer was seen on. With an external id (a marketplace buyer id, a social
 * account) the pair belongs to one customer only; without one, a customer has one row per
 * channel, touched on every sign-in there.
 */
@ObjectType('ChannelIdentity', {
  description: 'A channel a customer was seen on, with their id on it when the channel has one (e.g. a marketplace buyer id).',
})
@Entity({ tableName: 'customer_identity' })
@Unique({ properties: ['channel', 'externalId'] })
// A customer's identities, and "seen on channel X" in segment rules.
@Index({ properties: ['customerId', 'channel'] })
@Index({
  name: 'customer_identity_channel_presence_unique',
  expression: `create unique index "customer_identity_channel_presence_unique" on "${SCHEMA}"."customer_identity" ("customer_id", "channel") where "external_id" is null`,
})
export class CustomerIdentity {
  // Kept when a merge moves the identity to another customer, so a cached identity stays one object.
  @Field(() => ID, { description: 'Global id, `gid://commerce/ChannelIdentity/<key>`.' })
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => Customer, { mapToPk: true, fieldName: 'customer_id', deleteRule: 'cascade' })
  customerId!: string;

  @Field(() => SalesChannel, { description: 'The channel.' })
  @Enum({ items: () => SalesChannel })
  channel!: SalesChannel;

  @Field(() => String, {
    nullable: true,
    description: "The customer's id on the channel, e.g. a marketplace buyer id; null where the channel has none.",
  })
  @Property({ type: 'text', nullable: true })
  externalId: string | null = null;

  @Field(() => Date, { description: 'When the customer was first seen on the channel (signed up, signed in, or linked).' })
  @Property({ type: 'datetime' })
  firstSeenAt: Date = new Date();

  @Field(() => Date, { description: 'When the customer was last seen on the channel.' })
  @Property({ type: 'datetime' })
  lastSeenAt: Date = new Date();
}
