import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { SCHEMA } from '../constants';

/**
 * The ledger's sums for one key, as the reports need them: what sales brought (gross and
 * discounts count SALE rows only), what went back (the net of cancellation and return rows,
 * positive), and what every row nets to. Written only by the folder (reports/rollup), which adds
 * to a key each time it folds rows into it.
 */
abstract class SalesRollupSums {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  /** The day in the shop's time zone (SalesRollupState.timeZone) on which the rows counted. */
  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'text' })
  channel!: string;

  @Property({ type: 'uuid', nullable: true })
  locationId: string | null = null;

  @Property({ type: 'text', nullable: true })
  staffId: string | null = null;

  @Property({ type: 'text' })
  currencyCode!: string;

  @Property({ type: new BigIntType('number') })
  grossMinor = 0;

  @Property({ type: new BigIntType('number') })
  discountMinor = 0;

  @Property({ type: new BigIntType('number') })
  returnsMinor = 0;

  @Property({ type: new BigIntType('number') })
  netMinor = 0;

  @Property({ type: new BigIntType('number') })
  taxMinor = 0;

  @Property({ type: new BigIntType('number') })
  shippingMinor = 0;

  @Property({ type: new BigIntType('number') })
  units = 0;

  /** Distinct orders whose sale rows have this key (see each table for why the counts add up). */
  @Property({ type: 'integer' })
  orders = 0;
}

/**
 * The ledger folded per day, channel, store and staff member. Every sale row of an order shares
 * these (they are the order's, written together at its sale time), so an order is counted under
 * one key only and the order counts of any set of keys add up: this table answers reports that
 * group or filter by channel, store, staff and period.
 */
@Entity({ tableName: 'sales_rollup' })
@Index({
  name: 'sales_rollup_key_unique',
  expression: `create unique index "sales_rollup_key_unique" on "${SCHEMA}"."sales_rollup" ("day", "channel", "location_id", "staff_id", "currency_code") nulls not distinct`,
})
export class SalesRollup extends SalesRollupSums {}

/**
 * The ledger folded per day, channel, store, staff member and product (shipping under no
 * product). An order counts once for each product it holds, so these order counts add up for a
 * product, never across products: the table answers reports by product and best sellers.
 */
@Entity({ tableName: 'sales_rollup_product' })
@Index({
  name: 'sales_rollup_product_key_unique',
  expression: `create unique index "sales_rollup_product_key_unique" on "${SCHEMA}"."sales_rollup_product" ("day", "channel", "location_id", "staff_id", "product_id", "currency_code") nulls not distinct`,
})
export class SalesRollupProduct extends SalesRollupSums {
  @Property({ type: 'text', nullable: true })
  productId: string | null = null;
}

/**
 * How far the ledger is folded: every row of a transaction below `foldedBelow` is in the rollup,
 * and no other row is. One row (id 1), locked by the folder, so replicas fold one at a time.
 */
@Entity({ tableName: 'sales_rollup_state' })
export class SalesRollupState {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id = 1;

  /** The time zone the rollup's days are in; the folder starts again when SHOP_TIMEZONE changes. */
  @Property({ type: 'text', nullable: true })
  timeZone: string | null = null;

  /** A transaction id (xid8): ledger rows of transactions below it are folded. */
  @Property({ columnType: 'xid8', type: 'string', default: '0' })
  foldedBelow = '0';

  @Property({ type: 'datetime', nullable: true })
  foldedAt: Date | null = null;
}
