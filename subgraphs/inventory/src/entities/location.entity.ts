import { randomUUID } from 'node:crypto';
import { Embedded, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Address } from '#platform/graphql';
import { Node } from '../types/node';
import { LocationType } from './location-type';

/** A place that holds stock: a store, a warehouse or a fulfilment centre. */
@ObjectType({ description: 'A place that holds stock: a store, a warehouse or a fulfilment centre.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'location' })
export class Location {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Location/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'The name shown to shoppers and staff, e.g. "Berlin Mitte".' })
  @Property({ type: 'text' })
  @Unique()
  name!: string;

  @Field(() => LocationType, { description: 'STORE, WAREHOUSE or FULFILLMENT_CENTER.' })
  @Enum({ items: () => LocationType })
  type!: LocationType;

  @Field(() => Address, { description: 'Where the location is.' })
  @Embedded(() => Address, { prefix: 'address_' })
  address!: Address;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Field(() => Boolean, { description: 'Customers can collect orders here.' })
  @Property({ type: 'boolean', default: false })
  pickupEnabled = false;

  @Field(() => Boolean, { description: 'Stock here can be shipped to online customers.' })
  @Property({ type: 'boolean', default: true })
  fulfillsOnlineOrders = true;

  @Field(() => Int, {
    nullable: true,
    description: "Managers' ranking for online orders: 1 is the first choice; null ranks after every ranked location.",
  })
  @Property({ type: 'integer', nullable: true })
  fulfillmentRank: number | null = null;

  @Field(() => Date, { description: 'When the location was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the location last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
