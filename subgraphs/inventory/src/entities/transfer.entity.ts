import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, JsonType, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../types/node';
import { Location } from './location.entity';
import { TransferStatus } from './stock-enums';

@ObjectType({ description: 'A line of a transfer: how many units shipped and how many arrived so far.' })
export class TransferLine {
  @Field(() => String, { description: 'The SKU moved.' })
  sku!: string;

  @Field(() => Int, { description: 'Units shipped.' })
  quantity!: number;

  @Field(() => Int, { description: 'Units received so far.' })
  quantityReceived!: number;
}

/** Stock moving between two locations: out of the source when shipped, into the destination as received. */
@ObjectType({ description: 'Stock moving between two locations; in transit between ship and receive.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'inventory_transfer' })
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['createdAt', 'id'] })
export class InventoryTransfer {
  @Field(() => ID, { description: 'Global id, `gid://commerce/InventoryTransfer/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Human-readable number, e.g. "TR-7K3Q9P".' })
  @Property({ type: 'text' })
  @Unique()
  number!: string;

  @ManyToOne(() => Location, { mapToPk: true, fieldName: 'from_location_id', deleteRule: 'restrict' })
  fromLocationId!: string;

  @ManyToOne(() => Location, { mapToPk: true, fieldName: 'to_location_id', deleteRule: 'restrict' })
  toLocationId!: string;

  @Field(() => TransferStatus, { description: 'Where the transfer stands.' })
  @Enum({ items: () => TransferStatus })
  status: TransferStatus = TransferStatus.DRAFT;

  @Field(() => [TransferLine], { description: 'What is moved, one line per SKU.' })
  @Property({ type: JsonType })
  lines: TransferLine[] = [];

  @Field(() => String, { nullable: true, description: "Staff's note; null when none." })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => String, { nullable: true, description: 'What the transfer is for, shown to staff (e.g. "order #1001"); null when none.' })
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  /** The reservation whose held units it carries (ship to store): they stay held for it from source to destination. */
  @Property({ type: 'uuid', nullable: true })
  reservationId: string | null = null;

  @Field(() => Date, { description: 'When it was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it left the origin; null before.' })
  @Property({ type: 'datetime', nullable: true })
  shippedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was fully received; null before.' })
  @Property({ type: 'datetime', nullable: true })
  receivedAt: Date | null = null;
}
