import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../types/node';

/** A node in the category tree, e.g. Bikes › Road bikes. */
@ObjectType({ description: 'A node in the category tree, e.g. Bikes › Road bikes.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'category' })
export class Category {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Category/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'URL-safe unique name, e.g. "road-bikes".' })
  @Property({ type: 'text' })
  @Unique()
  handle!: string;

  @Field(() => String, { description: 'The name shown to shoppers.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'Plain-text description; empty when none.' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @ManyToOne(() => Category, { mapToPk: true, nullable: true, fieldName: 'parent_id', deleteRule: 'restrict' })
  @Index()
  parentId: string | null = null;

  @Field(() => Date, { description: 'When the category was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When the category last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
