import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';

/** A placed order, whichever channel it came from. */
@ObjectType({ description: 'A placed order, whichever channel it came from.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'order' })
export class Order {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'The number shown to the customer, e.g. "#1001".' })
  @Property({ type: 'text' })
  @Unique()
  number!: string;

  @Field(() => SalesChannel)
  @Enum({ items: () => SalesChannel })
  channel!: SalesChannel;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
