import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { PosSale, PricedCart } from '../checkout/types';
import type { RefundRowPlan } from '../returns/types';

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

/** One new item of an exchange, priced as a till sale at the return's store when it was set. */
export interface ExchangeLineData {
  id: string;
  sku: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/**
 * The exchange on a return: new items, the value of the returned units put toward them, and how
 * the difference was settled. AWAITING_PAYMENT until settled: no order exists for the new items
 * and nothing is held or sent; SETTLING while the exchange order is being placed under `settlement`'s
 * key; SETTLED once it is placed (and any excess refunded, `refundId`).
 */
export interface ReturnExchangeData {
  status: 'AWAITING_PAYMENT' | 'SETTLING' | 'SETTLED';
  lines: ExchangeLineData[];
  /** The new items as the exchange order will have them (prices, promotions, tax of the day they were set). */
  cart: PricedCart;
  flags: PosSale['flags'];
  totalMinor: number;
  /** What the returned units are worth toward them (their refund), as worked out last. */
  creditMinor: number;
  settlement: {
    scope: string;
    key: string;
    hash: string;
    creditMinor: number;
    /** The part of the credit that pays the new items (an EXCHANGE_CREDIT payment); the rest is refunded. */
    appliedMinor: number;
    units: { orderLineId: string; quantity: number }[];
    /** The returned units' refund as counted when claimed (its money fixed then); null when none came back. */
    plan: RefundRowPlan | null;
  } | null;
  orderId: string | null;
  refundId: string | null;
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

  /** New items taken in exchange, if any. */
  @Property({ type: 'json', nullable: true })
  exchange: ReturnExchangeData | null = null;

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
