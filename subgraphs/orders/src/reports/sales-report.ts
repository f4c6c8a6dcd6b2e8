/**
 * The sales report: the ledger's rows in a period, grouped by the dimensions asked for, summed in
 * one statement. Days, weeks and months begin at midnight in the shop's time zone, which
 * PostgreSQL applies (`at time zone`), so an order at 23:30 UTC in winter counts on Berlin's
 * next day.
 */
import { sql } from '#platform/db';
import { Money, type SalesChannel, type CurrencyCode } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { SalesReportDimension, type SalesReportFilter, type SalesReportRow } from '../types/reports.types';
import { checkPeriod, reportLocation, uuidOrNothing } from './report-scope';

/** The most groups one report returns (a product report over a big catalog is cut here, largest net sales first). */
export const SALES_REPORT_MAX_ROWS = 1000;

const TIME_DIMENSIONS: Partial<Record<SalesReportDimension, string>> = {
  [SalesReportDimension.DAY]: 'day',
  [SalesReportDimension.WEEK]: 'week',
  [SalesReportDimension.MONTH]: 'month',
};

const COLUMNS: Partial<Record<SalesReportDimension, string>> = {
  [SalesReportDimension.CHANNEL]: 'channel',
  [SalesReportDimension.LOCATION]: 'location_id',
  [SalesReportDimension.STAFF]: 'staff_id',
  [SalesReportDimension.PRODUCT]: 'product_id',
  [SalesReportDimension.CATEGORY]: 'category_id',
};

export interface SalesReportArgs {
  from: Date;
  to: Date;
  groupBy: SalesReportDimension[];
  filter?: SalesReportFilter | null;
}

interface Sums {
  channel?: string | null;
  location_id?: string | null;
  staff_id?: string | null;
  product_id?: string | null;
  category_id?: string | null;
  period?: string | null;
  gross: string;
  discounts: string;
  returns: string;
  net: string;
  taxes: string;
  shipping: string;
  orders: string;
  units: string;
}

/** The ledger's WHERE for a period, a filter and the caller's scope, with its parameters. */
export function ledgerWhere(ctx: OrdersContext, from: Date, to: Date, filter: SalesReportFilter | null | undefined) {
  checkPeriod(from, to);
  const location = uuidOrNothing(reportLocation(ctx.viewer, filter?.locationId));
  const where = ['occurred_at >= ?', 'occurred_at < ?'];
  const params: unknown[] = [from, to];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (filter?.channel) add('channel = ?', filter.channel);
  if (location) add('location_id = ?', location);
  if (filter?.staffId) add('staff_id = ?', filter.staffId);
  if (filter?.productId) add('product_id = ?', filter.productId);
  if (filter?.categoryId) add('? = any(category_ids)', filter.categoryId);
  return { where: where.join(' and '), params };
}

export async function salesReport(ctx: OrdersContext, args: SalesReportArgs): Promise<SalesReportRow[]> {
  const dimensions = [...new Set(args.groupBy)];
  const times = dimensions.filter((d) => TIME_DIMENSIONS[d]);
  if (times.length > 1) throw badUserInput('Group by at most one of DAY, WEEK and MONTH', 'groupBy');
  const { where, params } = ledgerWhere(ctx, args.from, args.to, args.filter);
  const select: string[] = [];
  const selectParams: unknown[] = [];
  for (const dimension of dimensions) {
    const unit = TIME_DIMENSIONS[dimension];
    if (unit) {
      select.push(`to_char(date_trunc('${unit}', occurred_at at time zone ?), 'YYYY-MM-DD') as period`);
      selectParams.push(ctx.shopTimeZone);
    } else {
      select.push(COLUMNS[dimension]!);
    }
  }
  const groupBy = dimensions.map((_, i) => String(i + 1));
  const rows = await sql<Sums>(
    ctx.em,
    `select ${[...select, ''].join(', ')}
       coalesce(sum(gross_minor) filter (where kind = 'SALE'), 0) as gross,
       coalesce(sum(discount_minor) filter (where kind = 'SALE'), 0) as discounts,
       coalesce(-sum(net_minor) filter (where kind <> 'SALE'), 0) as returns,
       coalesce(sum(net_minor), 0) as net,
       coalesce(sum(tax_minor), 0) as taxes,
       coalesce(sum(shipping_minor), 0) as shipping,
       count(distinct order_id) filter (where kind = 'SALE') as orders,
       coalesce(sum(quantity), 0) as units
     from "${SCHEMA}"."sales_ledger_row"
     where ${where}
     ${groupBy.length ? `group by ${groupBy.join(', ')}` : ''}
     order by ${[...(times.length ? ['period'] : []), 'net desc', ...groupBy].join(', ')}
     limit ${SALES_REPORT_MAX_ROWS}`,
    [...selectParams, ...params],
  );
  return rows.map((row) => reportRow(row, ctx.currencyCode));
}

function reportRow(row: Sums, currencyCode: CurrencyCode): SalesReportRow {
  const money = (minor: string | number) => Money.fromMinor(BigInt(minor), currencyCode);
  const net = BigInt(row.net);
  const orders = Number(row.orders);
  const total = net + BigInt(row.taxes) + BigInt(row.shipping);
  return {
    channel: (row.channel as SalesChannel | undefined) ?? null,
    location: row.location_id ? { id: row.location_id } : null,
    staff: row.staff_id ? { id: row.staff_id } : null,
    product: row.product_id ? { id: row.product_id } : null,
    category: row.category_id ? { id: row.category_id } : null,
    period: row.period ?? null,
    grossSales: money(row.gross),
    discounts: money(row.discounts),
    returns: money(row.returns),
    netSales: money(row.net),
    taxes: money(row.taxes),
    shipping: money(row.shipping),
    total: Money.fromMinor(total, currencyCode),
    orders,
    units: Number(row.units),
    averageOrderValue: orders > 0 ? Money.fromMinor(roundHalfUp(net, BigInt(orders)), currencyCode) : null,
  };
}

/** a ÷ b to the nearest minor unit, halves away from zero (b > 0). */
function roundHalfUp(a: bigint, b: bigint): bigint {
  const sign = a < 0n ? -1n : 1n;
  return (sign * (2n * sign * a + b)) / (2n * b);
}
