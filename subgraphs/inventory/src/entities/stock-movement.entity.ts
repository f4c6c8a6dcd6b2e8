import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';
import { Location } from './location.entity';
import { StockMovementReason } from './stock-enums';

/**
 * One line of the stock ledger: what changed, why, through which channel, caused by what, by
 * whom, and the level after it. Per (sku, location) the onHand deltas sum to the current onHand.
 */
@ObjectType({ description: 'One change of stock: why, through which channel, caused by what, by whom, and when.' })
@Entity({ tableName: 'stock_movement' })
@Index({ properties: ['sku', 'locationId', 'id'] })
@Index({ properties: ['locationId', 'id'] })
export class StockMovement {
  @Field(() => ID, { description: 'Global id, `gid://commerce/StockMovement/<key>`.' })
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Field(() => String, { description: 'The SKU that moved.' })
  @Property({ type: 'text' })
  sku!: string;

  @ManyToOne(() => Location, { mapToPk: true, fieldName: 'location_id', deleteRule: 'restrict' })
  locationId!: string;

  @Field(() => StockMovementReason, { description: 'Why the stock moved.' })
  @Enum({ items: () => StockMovementReason })
  reason!: StockMovementReason;

  @Field(() => Int, { description: 'Change of onHand: negative when units left.' })
  @Property({ type: 'integer', default: 0 })
  quantity = 0;

  @Field(() => Int, { description: 'Change of reserved: positive when units were held, negative when released or sold.' })
  @Property({ type: 'integer', default: 0 })
  reservedDelta = 0;

  @Field(() => Int, {
    description:
      'Change of incoming: positive when a purchase order was submitted or a transfer shipped, negative when received or cancelled.',
  })
  @Property({ type: 'integer', default: 0 })
  incomingDelta = 0;

  @Field(() => Int, { description: 'onHand after this movement.' })
  @Property({ type: 'integer' })
  onHandAfter!: number;

  @Field(() => Int, { description: 'available after this movement.' })
  @Property({ type: 'integer' })
  availableAfter!: number;

  @Field(() => Int, { description: 'The level version this movement produced.' })
  @Property({ type: 'integer' })
  version!: number;

  @Field(() => SalesChannel, { nullable: true, description: 'The channel that sold, returned or reserved the unit.' })
  @Enum({ items: () => SalesChannel, nullable: true })
  channel: SalesChannel | null = null;

  @Field(() => String, { nullable: true, description: 'What caused it, e.g. "order:<id>", "purchase-order:<id>", "transfer:<id>".' })
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Field(() => String, { nullable: true, description: 'Who did it: a staff member, a kiosk, or a service.' })
  @Property({ type: 'text', nullable: true })
  actor: string | null = null;

  @Field(() => Date, { description: 'When it happened; for an offline sale, when the till sold it.' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field(() => Date, { description: 'When the system recorded it.' })
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
