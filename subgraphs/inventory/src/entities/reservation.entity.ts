import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, JsonType, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { ReservationStatus } from './stock-enums';

@ObjectType({ description: 'Units of one SKU held at one location.' })
@Directive('@inaccessible')
export class ReservationLine {
  @Field(() => String, { description: 'The SKU.' })
  sku!: string;

  @Field(() => ID, { description: 'Where the units are.' })
  locationId!: string;

  @Field(() => Int, { description: 'Units.' })
  quantity!: number;
}

@ObjectType({ description: 'Held units on their way between two locations on a transfer; held again at the destination when received.' })
@Directive('@inaccessible')
export class ReservationTransitLine {
  @Field(() => ID, { description: 'The transfer carrying them.' })
  transferId!: string;

  @Field(() => String, { description: 'The SKU.' })
  sku!: string;

  @Field(() => ID, { description: 'Where they left.' })
  fromLocationId!: string;

  @Field(() => ID, { description: 'Where they will be held again.' })
  toLocationId!: string;

  @Field(() => Int, { description: 'Units still on the way.' })
  quantity!: number;
}

/**
 * Stock held for a checkout under the caller's key. A PENDING one expires unless confirmed or
 * committed, so a checkout that crashes never strands stock; a CONFIRMED one (a placed order's)
 * holds until its units are fulfilled, released or moved.
 */
@ObjectType({ description: 'Stock held for a checkout or a placed order until sold, released or expired.' })
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

  @Field(() => String, { description: 'PENDING (expires), CONFIRMED (never expires), COMMITTED, RELEASED or EXPIRED.' })
  @Enum({ items: () => ReservationStatus })
  status: ReservationStatus = ReservationStatus.PENDING;

  @Field(() => [ReservationLine], {
    description: 'What is still held, per SKU and location; fulfilled or released units are gone from it.',
  })
  @Property({ type: JsonType })
  lines: ReservationLine[] = [];

  @Field(() => [ReservationLine], { description: 'Units that left stock as sales, per SKU and location.' })
  @Property({ type: JsonType, default: '[]' })
  fulfilled: ReservationLine[] = [];

  @Field(() => [ReservationLine], { description: 'Units given back to available stock, per SKU and location.' })
  @Property({ type: JsonType, default: '[]' })
  released: ReservationLine[] = [];

  @Field(() => [ReservationTransitLine], { description: 'Held units on a transfer between locations, not held anywhere until received.' })
  @Property({ type: JsonType, default: '[]' })
  inTransit: ReservationTransitLine[] = [];

  @Field(() => SalesChannel, { nullable: true, description: 'The channel its sales are recorded on.' })
  @Enum({ items: () => SalesChannel, nullable: true })
  channel: SalesChannel | null = null;

  @Field(() => String, { nullable: true, description: 'The caller\'s reference, e.g. "cart:<id>".' })
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Field(() => Date, { description: 'When a PENDING hold expires; a CONFIRMED one ignores it.' })
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => Date, { description: 'When it was made.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
