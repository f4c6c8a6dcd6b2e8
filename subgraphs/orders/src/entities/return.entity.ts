import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** One returned line: units of an order line coming back, and what the store found when they came. */
export interface ReturnLineData {
  id: string;
  orderLineId: string;
  sku: string;
  quantity: number;
  reason: string;
  /** Units received so far, by disposition. */
  restocked: number;
  damaged: number;
  missing: number;
}

/** Units put back on hand at the receiving store: an inventory call under `key`, done once. */
export interface ReturnRestockData {
  key: string;
  locationId: string;
  lines: { sku: string; quantity: number }[];
  done: boolean;
}

/**
 * A return of some units of an order: asked by the customer (REQUESTED, then OPEN or DECLINED)
 * or opened by staff at a store (OPEN); RECEIVED once every unit is accounted for. Unique per
 * caller and key, so a retried request finds the first.
 */
@Entity({ tableName: 'order_return' })
@Unique({ properties: ['callerScope', 'idempotencyKey'] })
@Index({ properties: ['orderId'] })
export class OrderReturn {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  orderId!: string;

  /** REQUESTED, OPEN, DECLINED, PARTIALLY_RECEIVED or RECEIVED. */
  @Property({ type: 'text' })
  status!: string;

  /** The store the units come back to (and are restocked at); a customer's request may leave it to staff. */
  @Property({ type: 'uuid', nullable: true })
  locationId: string | null = null;

  /** The channel the return happens on: POS at a store, else the order's. */
  @Property({ type: 'text' })
  channel!: string;

  @Property({ type: 'json' })
  lines: ReturnLineData[] = [];

  @Property({ type: 'json' })
  restocks: ReturnRestockData[] = [];

  @Property({ type: 'text', nullable: true })
  declineReason: string | null = null;

  @Property({ type: 'text' })
  callerScope!: string;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
