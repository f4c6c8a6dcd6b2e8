import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../types/node';
import type { StoredSegmentRules } from '../rules/segment-rules';

/**
 * A group of customers defined by rules over what this subgraph knows (tags, consent,
 * channels, sign-up date, activity). Membership is computed on read, never stored, so it is
 * always current. Promotions target segments by id.
 */
@ObjectType({
  description: 'A group of customers defined by rules; membership is computed when read, so it is always current.',
  implements: Node,
})
@Directive('@key(fields: "id")')
@Entity({ tableName: 'segment' })
export class Segment {
  @Field(() => ID, { description: 'Promotions target a segment by this id.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Unique among segments.' })
  @Property({ type: 'text' })
  @Unique()
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the segment is for, for the staff who use it.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** Validated rules, dates as ISO strings; the GraphQL field is resolved from it. */
  @Property({ type: 'json' })
  rules!: StoredSegmentRules;

  @Field(() => Date, { description: 'When the segment was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: 'When its name, description or rules last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
