import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { FulfillmentKind, FulfillmentState } from './order-enums';

/** Units of one order line that left in a fulfilment. */
export interface FulfillmentLineData {
  orderLineId: string;
  sku: string;
  quantity: number;
}

/** Where a customer follows a parcel. */
export interface TrackingData {
  company: string | null;
  number: string | null;
  url: string | null;
}

/**
 * What actually left a location: a parcel shipped (SHIPMENT) or goods handed over at a store
 * (PICKUP). Recorded PENDING first, claiming its units on the fulfilment order, then DONE once
 * inventory turned the held units into a sale (a refusal deletes the claim; a process that dies
 * between leaves it PENDING for the sweeper to finish). Unique per caller and idempotency key,
 * so a retried request records it once.
 */
@Entity({ tableName: 'fulfillment' })
@Unique({ properties: ['callerScope', 'idempotencyKey'] })
@Index({ properties: ['orderId', 'createdAt'] })
@Index({ properties: ['state', 'createdAt'] })
export class Fulfillment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  fulfillmentOrderId!: string;

  @Property({ type: 'uuid' })
  locationId!: string;

  @Enum({ items: () => FulfillmentKind })
  kind!: FulfillmentKind;

  @Enum({ items: () => FulfillmentState })
  state: FulfillmentState = FulfillmentState.PENDING;

  @Property({ type: 'json' })
  lines: FulfillmentLineData[] = [];

  @Property({ type: 'json' })
  tracking: TrackingData[] = [];

  /** Who asked (a staff member's id), so one caller's key never answers another's. */
  @Property({ type: 'text' })
  callerScope!: string;

  @Property({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'text' })
  requestHash!: string;

  /** The staff member who handed it over or shipped it. */
  @Property({ type: 'text', nullable: true })
  staffId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
