import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, JsonType, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../types/node';
import { Location } from './location.entity';
import { PurchaseOrderStatus } from './stock-enums';

@ObjectType({ description: 'A line of a purchase order: ordered and received so far.' })
export class PurchaseOrderLine {
  @Field(() => String, { description: 'The SKU ordered.' })
  sku!: string;

  @Field(() => Int, { description: 'Units ordered.' })
  quantityOrdered!: number;

  @Field(() => Int, { description: 'Units received so far.' })
  quantityReceived!: number;
}

/** Replenishment from a supplier into one location. */
@ObjectType({ description: 'Replenishment from a supplier into one location.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'purchase_order' })
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['locationId', 'status'] })
export class PurchaseOrder {
  @Field(() => ID, { description: 'Global id, `gid://commerce/PurchaseOrder/<key>`.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'Human-readable number, e.g. "PO-4HX2MA".' })
  @Property({ type: 'text' })
  @Unique()
  number!: string;

  @Field(() => String, { description: 'Who the goods are bought from.' })
  @Property({ type: 'text' })
  supplier!: string;

  @ManyToOne(() => Location, { mapToPk: true, fieldName: 'location_id', deleteRule: 'restrict' })
  locationId!: string;

  @Field(() => PurchaseOrderStatus, { description: 'Where the order stands.' })
  @Enum({ items: () => PurchaseOrderStatus })
  status: PurchaseOrderStatus = PurchaseOrderStatus.DRAFT;

  @Field(() => [PurchaseOrderLine], { description: 'What is ordered, one line per SKU.' })
  @Property({ type: JsonType })
  lines: PurchaseOrderLine[] = [];

  @Field(() => Date, { nullable: true, description: 'When the goods are expected; null when not known.' })
  @Property({ type: 'datetime', nullable: true })
  expectedAt: Date | null = null;

  @Field(() => Date, { description: 'When it was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was sent to the supplier; null before.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was fully received; null before.' })
  @Property({ type: 'datetime', nullable: true })
  receivedAt: Date | null = null;
}

/** Purchasing facts about a SKU: who supplies it and how many come in a case. */
@Entity({ tableName: 'inventory_item' })
export class InventoryItem {
  @PrimaryKey({ type: 'text' })
  sku!: string;

  @Property({ type: 'text', nullable: true })
  supplier: string | null = null;

  /** Orders are rounded up to whole cases. */
  @Property({ type: 'integer', default: 1 })
  caseSize = 1;

  @Property({ type: new BigIntType('number'), nullable: true })
  unitCostAmount: number | null = null;
}
