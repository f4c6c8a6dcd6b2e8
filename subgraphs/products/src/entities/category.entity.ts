import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../types/node';

/** A node in the category tree, e.g. Bikes › Road bikes. */
@ObjectType({ description: 'A node in the category tree, e.g. Bikes › Road bikes.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'category' })
export class Category {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'URL-safe unique name, e.g. "road-bikes".' })
  @Property({ type: 'text' })
  @Unique()
  handle!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'text', default: '' })
  description: string = '';

  @ManyToOne(() => Category, { mapToPk: true, nullable: true, fieldName: 'parent_id', deleteRule: 'restrict' })
  @Index()
  parentId: string | null = null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
