import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { FulfillmentMethod, FulfillmentOrderStatus } from './order-enums';

/** One order line's share of a fulfilment order, with what became of it. */
export interface FulfillmentOrderLineData {
  orderLineId: string;
  sku: string;
  /** Units planned from this location. */
  quantity: number;
  /** Units that left (shipped or handed over). */
  fulfilled: number;
  /** Units that will not leave from here: cancelled, or moved to another location. */
  removed: number;
}

/**
 * The plan for the part of an order that leaves from one location by one method: a store's or a
 * warehouse's work. Made at placement by routing; moved when a location cannot serve it; closed
 * when everything on it left or was cancelled. Its stock is held for the order in inventory under
 * the checkout's reservation until then.
 */
@Entity({ tableName: 'fulfillment_order' })
@Index({ properties: ['locationId', 'status', 'createdAt'] })
@Index({ properties: ['destinationLocationId', 'status', 'createdAt'] })
@Index({ properties: ['orderId'] })
export class FulfillmentOrder {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  orderId!: string;

  /** Where the goods leave from (for SHIP_TO_STORE, the source of the transfer). */
  @Property({ type: 'uuid' })
  locationId!: string;

  /** The store that hands the goods over, when it is not `locationId` (SHIP_TO_STORE). */
  @Property({ type: 'uuid', nullable: true })
  destinationLocationId: string | null = null;

  @Enum({ items: () => FulfillmentMethod })
  method!: FulfillmentMethod;

  @Enum({ items: () => FulfillmentOrderStatus })
  status: FulfillmentOrderStatus = FulfillmentOrderStatus.OPEN;

  @Property({ type: 'json' })
  lines: FulfillmentOrderLineData[] = [];

  /** The inventory transfer carrying the goods to the pickup store (SHIP_TO_STORE). */
  @Property({ type: 'uuid', nullable: true })
  transferId: string | null = null;

  /** The fulfilment order these units were moved from, and the (hashed) key of the move: a retried move finds its result. */
  @Property({ type: 'uuid', nullable: true })
  movedFromId: string | null = null;

  @Property({ type: 'text', nullable: true })
  moveKey: string | null = null;

  /** +1 with every change: a live pick list drops what it has seen. */
  @Property({ type: 'integer', default: 1 })
  version = 1;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/** A fulfilment order's units still to leave, per line. */
export const openUnits = (line: FulfillmentOrderLineData): number => line.quantity - line.fulfilled - line.removed;
