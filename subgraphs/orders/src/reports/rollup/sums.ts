/**
 * The shape the ledger takes in the rollup, shared by the folder that writes it and the reports
 * that read it beside the rows not folded yet, so both sum a ledger row the same way.
 */
import { SCHEMA } from '../../constants';

/** Per day, channel, store and staff (order counts add up across keys); or per product too (they add up for one product). */
export type RollupGrain = 'order' | 'product';

export const ROLLUP_TABLES: Record<RollupGrain, string> = {
  order: `"${SCHEMA}"."sales_rollup"`,
  product: `"${SCHEMA}"."sales_rollup_product"`,
};

export const LEDGER_TABLE = `"${SCHEMA}"."sales_ledger_row"`;

/** A rollup row's key after its day; the ledger names these columns alike. */
export const ROLLUP_KEYS: Record<RollupGrain, string[]> = {
  order: ['channel', 'location_id', 'staff_id', 'currency_code'],
  product: ['channel', 'location_id', 'staff_id', 'product_id', 'currency_code'],
};

/** The rollup's sums, in the order LEDGER_SUMS computes them. */
export const ROLLUP_SUMS = [
  'gross_minor',
  'discount_minor',
  'returns_minor',
  'net_minor',
  'tax_minor',
  'shipping_minor',
  'units',
  'orders',
];

/**
 * Ledger rows summed into ROLLUP_SUMS: gross and discounts of sales, what cancellations and
 * returns took back (positive), and the rest over every row. Orders are the distinct orders with
 * a sale row under the key; an order's sale rows are written by one transaction at one time, so
 * they are folded together and fall under one key (one per product), and adding these counts up
 * never counts an order twice.
 */
export const LEDGER_SUMS = `coalesce(sum(gross_minor) filter (where kind = 'SALE'), 0) as gross_minor,
  coalesce(sum(discount_minor) filter (where kind = 'SALE'), 0) as discount_minor,
  coalesce(-sum(net_minor) filter (where kind <> 'SALE'), 0) as returns_minor,
  coalesce(sum(net_minor), 0) as net_minor, coalesce(sum(tax_minor), 0) as tax_minor,
  coalesce(sum(shipping_minor), 0) as shipping_minor, coalesce(sum(quantity), 0) as units,
  count(distinct order_id) filter (where kind = 'SALE') as orders`;

/** A ledger row's day in time zone `?` (a parameter). */
export const LEDGER_DAY = '(occurred_at at time zone ?)::date';

/** Rows already in ROLLUP_SUMS' shape (the rollup's, or LEDGER_SUMS'), summed again under the same names. */
export const SUMMED = ROLLUP_SUMS.map((sum) => `coalesce(sum(${sum}), 0) as ${sum}`).join(', ');
