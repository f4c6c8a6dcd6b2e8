import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { CustomerEventType } from './customer-event-type';
import { Customer } from './customer.entity';

/** One interaction on a customer's cross-channel timeline. */
@ObjectType({ description: "One interaction on a customer's cross-channel timeline." })
@Entity({ tableName: 'customer_event' })
// Pages of one customer's timeline, newest first (a backward scan of this index).
@Index({ properties: ['customerId', 'occurredAt', 'id'] })
export class CustomerEvent {
  @Field(() => ID, { description: 'Increases with every event recorded.' })
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @ManyToOne(() => Customer, { mapToPk: true, fieldName: 'customer_id', deleteRule: 'cascade' })
  customerId!: string;

  @Field(() => CustomerEventType, { description: 'What happened.' })
  @Enum({ items: () => CustomerEventType })
  type!: CustomerEventType;

  @Field(() => SalesChannel, { nullable: true, description: 'Where it happened.' })
  @Enum({ items: () => SalesChannel, nullable: true })
  channel: SalesChannel | null = null;

  @Field(() => ID, { nullable: true, description: 'The product concerned, if any (owned by the products subgraph).' })
  @Property({ type: 'text', nullable: true })
  productId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The store concerned, if any (owned by the inventory subgraph).' })
  @Property({ type: 'text', nullable: true })
  locationId: string | null = null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Details the channel sent; cleared when the customer is erased.' })
  @Property({ type: 'json', nullable: true })
  data: Record<string, unknown> | null = null;

  @Field(() => Date, { description: 'When it was recorded.' })
  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();
}
