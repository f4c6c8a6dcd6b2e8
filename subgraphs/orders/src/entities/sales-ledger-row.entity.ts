import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Why a ledger row was written: a sale at placement, or a cancellation or return taking some of it back (negative). */
export type SalesLedgerKind = 'SALE' | 'CANCELLATION' | 'RETURN';

/**
 * One line of what was sold, or taken back, as reports count it: append-only, never updated.
 * Written in the transaction that places, cancels or returns (ARCHITECTURE decision 15). Money in
 * minor units, signed (a cancellation or return is negative), exclusive of tax so that
 * gross − discount = net and net + tax is what was paid; a row with no product carries the
 * order's shipping.
 */
@Entity({ tableName: 'sales_ledger_row' })
@Index({ properties: ['occurredAt'] })
@Index({ properties: ['locationId', 'occurredAt'] })
@Index({ properties: ['productId', 'occurredAt'] })
@Index({ properties: ['orderId'] })
@Index({ properties: ['customerId', 'occurredAt'] })
@Index({ properties: ['xactId'] })
export class SalesLedgerRow {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'text' })
  kind!: SalesLedgerKind;

  @Property({ type: 'uuid' })
  orderId!: string;

  /** Null on a shipping row. */
  @Property({ type: 'uuid', nullable: true })
  orderLineId: string | null = null;

  @Property({ type: 'text' })
  channel!: string;

  /** The store: the till's for POS, the pickup store for PICKUP and SHIP_TO_STORE, the returning store for a return; null for a shipped order. */
  @Property({ type: 'uuid', nullable: true })
  locationId: string | null = null;

  /** Who sold it at the till. */
  @Property({ type: 'text', nullable: true })
  staffId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  @Property({ type: 'text', nullable: true })
  productId: string | null = null;

  @Property({ type: 'text', nullable: true })
  variantId: string | null = null;

  @Property({ type: 'text', nullable: true })
  sku: string | null = null;

  /** The product's own category when it was sold. */
  @Property({ type: 'text', nullable: true })
  categoryId: string | null = null;

  /** That category and its ancestors, so a filter on a parent category counts its children's sales. */
  @Property({ type: 'text[]', default: '{}' })
  categoryIds: string[] = [];

  /** Units: positive for a sale, negative for units taken back; 0 on a shipping row. */
  @Property({ type: 'integer' })
  quantity!: number;

  /** Unit price × quantity, before discounts, without tax. */
  @Property({ type: new BigIntType('number') })
  grossMinor!: number;

  /** What the discounts took, without tax. */
  @Property({ type: new BigIntType('number') })
  discountMinor!: number;

  /** gross − discount: what was sold for, without tax. */
  @Property({ type: new BigIntType('number') })
  netMinor!: number;

  @Property({ type: new BigIntType('number') })
  taxMinor!: number;

  /** Shipping charged (after its discount, without tax); its tax is in `taxMinor`. */
  @Property({ type: new BigIntType('number'), default: 0 })
  shippingMinor = 0;

  @Property({ type: 'text' })
  currencyCode!: string;

  /** When it counts: the sale time (the till's, for an offline sale), the cancellation's or return's. */
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date = new Date();

  /**
   * The transaction that wrote the row (xid8), set by the database: the rollup folds a row once
   * its transaction is older than every one still running, so none is missed or folded twice.
   */
  @Property({ columnType: 'xid8', type: 'string', defaultRaw: 'pg_current_xact_id()', hidden: true })
  xactId?: string;
}
