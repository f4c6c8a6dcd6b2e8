import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../types/node';
import { Location } from './location.entity';

/**
 * Stock of one SKU at one location. Only the stock ledger writes it, with a conditional update
 * under the row lock, so concurrent sales cannot oversell; every change bumps `version`.
 */
@ObjectType({ description: 'Stock of one SKU at one location; available = onHand - reserved.', implements: Node })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'inventory_level' })
@Unique({ properties: ['sku', 'locationId'] })
@Index({ properties: ['locationId', 'sku'] })
export class InventoryLevel {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'The SKU this stock is of.' })
  @Property({ type: 'text' })
  sku!: string;

  @ManyToOne(() => Location, { mapToPk: true, fieldName: 'location_id', deleteRule: 'restrict' })
  locationId!: string;

  @Field(() => Int, { description: 'Units physically here. Negative only after an offline sale, then flagged for reconciliation.' })
  @Property({ type: 'integer', default: 0 })
  onHand = 0;

  @Field(() => Int, { description: 'Units held for carts and orders not yet fulfilled.' })
  @Property({ type: 'integer', default: 0 })
  reserved = 0;

  @Field(() => Int, { description: 'Units on submitted purchase orders and transfers in transit to here.' })
  @Property({ type: 'integer', default: 0 })
  incoming = 0;

  @Field(() => Int, { nullable: true, description: 'At or below this many available units, the level is low.' })
  @Property({ type: 'integer', nullable: true })
  lowStockThreshold: number | null = null;

  @Field(() => Int, { description: 'Grows by one with every change; live stock streams it.' })
  @Property({ type: 'integer', default: 0 })
  version = 0;

  @Field(() => Boolean, { description: 'An offline sale took onHand below what the system knew of; count this SKU.' })
  @Property({ type: 'boolean', default: false })
  needsReconciliation = false;

  @Field(() => Date, { description: 'When this level last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
