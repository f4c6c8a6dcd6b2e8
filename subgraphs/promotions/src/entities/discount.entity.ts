import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SalesChannel } from '../../../platform/src';
import { DiscountKind } from './discount-enums';

/** An offer that applies the same way on every channel it is enabled for. */
@ObjectType({ description: 'An offer that applies the same way on every channel it is enabled for.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'discount' })
export class Discount {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The code to enter; null for automatic discounts.' })
  @Property({ type: 'text', nullable: true })
  code: string | null = null;

  /** Upper-cased code: codes are matched without regard to case. */
  @Property({ type: 'text', nullable: true })
  @Unique()
  codeKey: string | null = null;

  @Field(() => DiscountKind)
  @Enum({ items: () => DiscountKind })
  kind!: DiscountKind;

  @Field(() => Float, { nullable: true, description: 'Percent off for PERCENTAGE, amount off for FIXED_AMOUNT.' })
  @Property({ type: 'double', nullable: true })
  value: number | null = null;

  @Field(() => [SalesChannel])
  @Property({ type: ArrayType, default: '{}' })
  channels: SalesChannel[] = [];

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  startsAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  endsAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  deactivatedAt: Date | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  usageCount = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
