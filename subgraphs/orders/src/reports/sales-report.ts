/**
 * The sales report: the ledger's rows in a period, grouped by the dimensions asked for, summed in
 * one statement, through the daily rollup for the period's whole days (rollup/). Days, weeks and
 * months begin at midnight in the shop's time zone, which PostgreSQL applies (`at time zone`),
 * so an order at 23:30 UTC in winter counts on Berlin's next day.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { Money, type SalesChannel, type CurrencyCode } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import { SalesReportDimension, type SalesReportFilter, type SalesReportRow } from '../types/reports.types';
import { checkPeriod, ledgerWhere, salesScope, type ReportContext, type SalesScope } from './report-scope';
import { LEDGER_SUMS, LEDGER_TABLE, readSales, sumOver, type SalesGroup, type SalesSource } from './rollup';

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

/** A group's keys and its sums, as LEDGER_SUMS and SUMMED name them. */
interface Sums {
  channel?: string | null;
  location_id?: string | null;
  staff_id?: string | null;
  product_id?: string | null;
  category_id?: string | null;
  period?: string | null;
  gross_minor: string;
  discount_minor: string;
  returns_minor: string;
  net_minor: string;
  tax_minor: string;
  shipping_minor: string;
  units: string;
  orders: string;
}

/**
 * The report through the rollup where it can answer (any grouping and filter but categories),
 * else from the ledger alone; both give the same figures.
 */
export async function salesReport(ctx: ReportContext, args: SalesReportArgs): Promise<SalesReportRow[]> {
  const { dimensions, scope } = reportQuery(ctx, args);
  if (dimensions.includes(SalesReportDimension.CATEGORY)) return salesReportFromLedger(ctx, args);
  const grain = dimensions.includes(SalesReportDimension.PRODUCT) || scope.productId ? 'product' : 'order';
  const rows = await readSales(ctx, args, scope, grain, (em, source) =>
    source ? sourceReport(em, dimensions, source) : ledgerReport(em, ctx.shopTimeZone, args, dimensions, scope),
  );
  return rows.map((row) => reportRow(row, ctx.currencyCode));
}

/** The report from the ledger's rows alone: for categories, which the rollup does not hold, and the figures the rollup's must equal. */
export async function salesReportFromLedger(ctx: ReportContext, args: SalesReportArgs): Promise<SalesReportRow[]> {
  const { dimensions, scope } = reportQuery(ctx, args);
  const rows = await ledgerReport(ctx.em, ctx.shopTimeZone, args, dimensions, scope);
  return rows.map((row) => reportRow(row, ctx.currencyCode));
}

/** The report's distinct dimensions and what it may count, once its arguments pass. */
function reportQuery(ctx: ReportContext, args: SalesReportArgs) {
  const dimensions = [...new Set(args.groupBy)];
  if (dimensions.filter((d) => TIME_DIMENSIONS[d]).length > 1) throw badUserInput('Group by at most one of DAY, WEEK and MONTH', 'groupBy');
  checkPeriod(args.from, args.to);
  return { dimensions, scope: salesScope(ctx.viewer, args.filter) };
}

function ledgerReport(
  em: EntityManager,
  timeZone: string,
  period: { from: Date; to: Date },
  dimensions: SalesReportDimension[],
  scope: SalesScope,
): Promise<Sums[]> {
  const { where, params } = ledgerWhere(period, scope);
  const { groups, tail } = grouping(dimensions, (unit) => `date_trunc('${unit}', occurred_at at time zone ?)`);
  const times = dimensions.some((d) => TIME_DIMENSIONS[d]) ? [timeZone] : [];
  return sql<Sums>(
    em,
    `select ${[...groups.map((g) => `${g.expression} as ${g.name}`), LEDGER_SUMS].join(', ')} from ${LEDGER_TABLE} where ${where}
     ${groups.length ? `group by ${groups.map((_, i) => i + 1).join(', ')}` : ''} ${tail}`,
    [...times, ...params],
  );
}

/** The report summed from the rollup's source: its rows are per key and day, so every time unit groups whole days. */
function sourceReport(em: EntityManager, dimensions: SalesReportDimension[], source: SalesSource): Promise<Sums[]> {
  const { groups, tail } = grouping(dimensions, (unit) => `date_trunc('${unit}', day::timestamp)`);
  const { text, params } = sumOver(source, groups, { tail });
  return sql<Sums>(em, text, params);
}

/** The grouped columns (a time unit as `period`, from `truncated`), and the ORDER BY and LIMIT after the sums. */
function grouping(dimensions: SalesReportDimension[], truncated: (unit: string) => string) {
  const groups: SalesGroup[] = dimensions.map((dimension) => {
    const unit = TIME_DIMENSIONS[dimension];
    return unit
      ? { expression: `to_char(${truncated(unit)}, 'YYYY-MM-DD')`, name: 'period' }
      : { expression: COLUMNS[dimension]!, name: COLUMNS[dimension]! };
  });
  const timed = dimensions.some((d) => TIME_DIMENSIONS[d]);
  const order = [...(timed ? ['period'] : []), 'net_minor desc', ...groups.map((_, i) => String(i + 1))];
  return { groups, tail: `order by ${order.join(', ')} limit ${SALES_REPORT_MAX_ROWS}` };
}

function reportRow(row: Sums, currencyCode: CurrencyCode): SalesReportRow {
  const money = (minor: string | number) => Money.fromMinor(BigInt(minor), currencyCode);
  const net = BigInt(row.net_minor);
  const orders = Number(row.orders);
  const total = net + BigInt(row.tax_minor) + BigInt(row.shipping_minor);
  return {
    channel: (row.channel as SalesChannel | undefined) ?? null,
    location: row.location_id ? { id: row.location_id } : null,
    staff: row.staff_id ? { id: row.staff_id } : null,
    product: row.product_id ? { id: row.product_id } : null,
    category: row.category_id ? { id: row.category_id } : null,
    period: row.period ?? null,
    grossSales: money(row.gross_minor),
    discounts: money(row.discount_minor),
    returns: money(row.returns_minor),
    netSales: money(row.net_minor),
    taxes: money(row.tax_minor),
    shipping: money(row.shipping_minor),
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
