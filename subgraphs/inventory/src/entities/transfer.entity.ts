import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, JsonType, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Location } from './location.entity';
import { TransferStatus } from './stock-enums';

@ObjectType({ description: 'A line of a transfer: how many units shipped and how many arrived so far.' })
export class TransferLine {
  @Field(() => String)
  sku!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  quantityReceived!: number;
}

/** Stock moving between two locations: out of the source when shipped, into the destination as received. */
@ObjectType({ description: 'Stock moving between two locations; in transit between ship and receive.' })
@Entity({ tableName: 'inventory_transfer' })
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['createdAt', 'id'] })
export class InventoryTransfer {
  @Field(() => ID)
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

  @Field(() => TransferStatus)
  @Enum({ items: () => TransferStatus })
  status: TransferStatus = TransferStatus.DRAFT;

  @Field(() => [TransferLine])
  @Property({ type: JsonType })
  lines: TransferLine[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  shippedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  receivedAt: Date | null = null;
}
