import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { OrderTaxLine } from './order.entity';

/** One discount's share of a line. */
export interface OrderLineAllocation {
  discountId: string;
  title: string;
  code: string | null;
  amountMinor: number;
}

/** What was sold on one line, as it was sold: never re-read from today's catalog or promotions. */
@Entity({ tableName: 'order_line' })
@Index({ properties: ['orderId', 'position'] })
export class OrderLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  sku!: string;

  @Property({ type: 'text', nullable: true })
  productId: string | null = null;

  @Property({ type: 'text', nullable: true })
  variantId: string | null = null;

  @Property({ type: 'text' })
  productTitle!: string;

  @Property({ type: 'text', nullable: true })
  variantTitle: string | null = null;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: new BigIntType('number') })
  unitPriceMinor!: number;

  @Property({ type: new BigIntType('number') })
  subtotalMinor!: number;

  @Property({ type: new BigIntType('number') })
  discountMinor!: number;

  @Property({ type: new BigIntType('number') })
  taxMinor!: number;

  @Property({ type: new BigIntType('number') })
  totalMinor!: number;

  /** The product's category, then its ancestors, when it was sold (reports group by it). */
  @Property({ type: 'text[]', default: '{}' })
  categoryIds: string[] = [];

  @Property({ type: 'json' })
  discountAllocations: OrderLineAllocation[] = [];

  @Property({ type: 'json' })
  taxLines: OrderTaxLine[] = [];

  /** Units that have left (fulfilment); fulfillmentStatus is derived from it. */
  @Property({ type: 'integer', default: 0 })
  quantityFulfilled = 0;

  /** Units cancelled before they left (a cancelled order or line, a pickup never collected). */
  @Property({ type: 'integer', default: 0 })
  quantityCancelled = 0;

  /** Units on returns not yet received (asked for or opened, not declined). */
  @Property({ type: 'integer', default: 0 })
  quantityReturnRequested = 0;

  /** Units that came back (restocked or damaged); a missing unit is not returned. */
  @Property({ type: 'integer', default: 0 })
  quantityReturned = 0;

  /** Returned units refunded; cancelled units are refunded by their cancellation. */
  @Property({ type: 'integer', default: 0 })
  quantityRefunded = 0;
}
