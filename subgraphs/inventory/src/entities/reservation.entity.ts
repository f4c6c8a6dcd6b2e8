import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, JsonType, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { ReservationStatus } from './stock-enums';

@ObjectType({ description: 'Units of one SKU held at one location.' })
@Directive('@inaccessible')
export class ReservationLine {
  @Field(() => String)
  sku!: string;

  @Field(() => ID)
  locationId!: string;

  @Field(() => Int)
  quantity!: number;
}

/**
 * Stock held for a checkout under the caller's key. It expires unless committed, so a checkout
 * that crashes never strands stock.
 */
@ObjectType({ description: 'Stock held for a checkout until committed, released or expired.' })
@Directive('@inaccessible')
@Entity({ tableName: 'reservation' })
@Index({ properties: ['status', 'expiresAt'] })
export class Reservation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'The idempotency key it was made under.' })
  @Property({ type: 'text' })
  @Unique()
  key!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  @Field(() => String, { description: 'PENDING, COMMITTED, RELEASED or EXPIRED.' })
  @Enum({ items: () => ReservationStatus })
  status: ReservationStatus = ReservationStatus.PENDING;

  @Field(() => [ReservationLine])
  @Property({ type: JsonType })
  lines: ReservationLine[] = [];

  @Field(() => SalesChannel, { nullable: true })
  @Enum({ items: () => SalesChannel, nullable: true })
  channel: SalesChannel | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
