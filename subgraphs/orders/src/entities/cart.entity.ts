import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';

/** A basket being filled; it follows the customer across devices and channels. */
@ObjectType({ description: 'A basket being filled; it follows the customer across devices and channels.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'cart' })
export class Cart {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => SalesChannel, { description: 'The channel the cart was started on.' })
  @Enum({ items: () => SalesChannel })
  channel!: SalesChannel;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
