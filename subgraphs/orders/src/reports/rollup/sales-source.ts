/**
 * Where a report's sums come from when the rollup can answer: the rollup for the whole days of
 * the period (in the shop's time zone), and the ledger for the rest, summed to the rollup's
 * shape: the part-days at the period's edges, and the rows within its whole days that are not
 * folded yet. So a report reads a row per key and day for most of a year, and is exact to the
 * minute: the same answer the ledger alone gives.
 */
import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../../constants';
import { scopeWhere, type ReportContext, type SalesScope } from '../report-scope';
import { LEDGER_DAY, LEDGER_SUMS, LEDGER_TABLE, ROLLUP_KEYS, ROLLUP_SUMS, ROLLUP_TABLES, SUMMED, type RollupGrain } from './sums';

/**
 * The parts a report sums, each a subquery with the columns `day`, the grain's keys
 * (ROLLUP_KEYS) and what `sums` adds up: the rollup's rows for the whole days (their sums summed
 * again), and the ledger's other rows (summed as the folder sums them). No order is counted in
 * both: an order's sale rows share a time and a transaction, so they are all folded or none, all
 * at an edge or none.
 */
export interface SalesSource {
  parts: { text: string; params: unknown[]; sums: string }[];
}

/** A column a report groups by: its expression over a part's columns, and its name. */
export interface SalesGroup {
  expression: string;
  name: string;
}

interface Bounds {
  folded_below: string;
  first_day: string;
  end_day: string;
  start_at: Date;
  end_at: Date;
  whole: boolean;
}

/** The ledger's columns a report sums. */
const COLUMNS = `kind, order_id, occurred_at, channel, location_id, staff_id, product_id, currency_code,
  quantity, gross_minor, discount_minor, net_minor, tax_minor, shipping_minor`;

/**
 * The rollup's watermark and the period's whole days: the first day beginning at or after `from`,
 * the day `to` falls on (not included), and the instants they begin. A period's days are used
 * only if the rollup is in the shop's time zone and each boundary is the first instant of its
 * day (the instant before is on an earlier day), which holds wherever clocks do not go back
 * across midnight; elsewhere the ledger answers.
 */
const BOUNDS = `with p as (select ?::text as tz, ?::timestamptz as f, ?::timestamptz as t),
  d as (select tz, f, t, (f at time zone tz)::date as df, (t at time zone tz)::date as end_day from p),
  e as (select tz, end_day, case when (df::timestamp at time zone tz) = f then df else df + 1 end as first_day from d),
  b as (select tz, first_day, end_day, first_day::timestamp at time zone tz as s, end_day::timestamp at time zone tz as e from e)
  select s.folded_below::text as folded_below, b.first_day::text as first_day, b.end_day::text as end_day, b.s as start_at, b.e as end_at,
    b.first_day < b.end_day
      and (b.s at time zone b.tz)::date = b.first_day and ((b.s - interval '1 microsecond') at time zone b.tz)::date < b.first_day
      and (b.e at time zone b.tz)::date = b.end_day and ((b.e - interval '1 microsecond') at time zone b.tz)::date < b.end_day as whole
  from b join "${SCHEMA}"."sales_rollup_state" s on s.id = 1 and s.time_zone = b.tz`;

/**
 * Runs `read` in one repeatable-read snapshot with the source of the sales in [from, to) within
 * `scope`, or null when the rollup cannot answer (not folded yet, folded in another time zone,
 * or no whole day in the period), and `read` reads the ledger. One snapshot for the watermark,
 * the rollup and the ledger: a fold committing between two reads would count its rows twice or
 * not at all. Categories are not in the rollup: a scope with one reads the ledger too.
 */
export function readSales<T>(
  ctx: ReportContext,
  period: { from: Date; to: Date },
  scope: SalesScope,
  grain: RollupGrain,
  read: (em: EntityManager, source: SalesSource | null) => Promise<T>,
): Promise<T> {
  return ctx.em.transactional(
    async (em) => {
      const [bounds] = await sql<Bounds>(em, BOUNDS, [ctx.shopTimeZone, period.from, period.to]);
      if (!bounds?.whole || scope.categoryId) return read(em, null);
      // Index ranges of a few thousand rows each: parallel workers would cost more to start than they save.
      await sql(em, 'set local max_parallel_workers_per_gather = 0');
      return read(em, salesSource(ctx.shopTimeZone, period, scope, grain, bounds));
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}

/**
 * A report over `source`: each part summed by `groups` where it is read (so a year of rollup rows
 * is aggregated without being copied), then those sums summed again. `where` limits every part;
 * `tail` (HAVING, ORDER BY, LIMIT) may name the groups and the sums (sum(units) in HAVING).
 */
export function sumOver(source: SalesSource, groups: SalesGroup[], options: { where?: string; tail: string }) {
  const positions = groups.map((_, i) => i + 1).join(', ');
  const per = source.parts.map(
    (part) =>
      `select ${[...groups.map((g) => `${g.expression} as ${g.name}`), part.sums].join(', ')} from (${part.text}) p
       ${options.where ? `where ${options.where}` : ''} ${groups.length ? `group by ${positions}` : ''}`,
  );
  return {
    text: `select ${[...groups.map((g) => g.name), SUMMED].join(', ')} from (${per.join(' union all ')}) s
      ${groups.length ? `group by ${positions}` : ''} ${options.tail}`,
    params: source.parts.flatMap((part) => part.params),
  };
}

function salesSource(
  timeZone: string,
  period: { from: Date; to: Date },
  scope: SalesScope,
  grain: RollupGrain,
  bounds: Bounds,
): SalesSource {
  const keys = ROLLUP_KEYS[grain].join(', ');
  const { clauses, params: scoped } = scopeWhere(scope);
  const and = clauses.map((clause) => ` and ${clause}`).join('');
  const ledger = (condition: string) => `select ${COLUMNS} from ${LEDGER_TABLE} where ${condition}${and}`;
  return {
    parts: [
      {
        text: `select day, ${keys}, ${ROLLUP_SUMS.join(', ')} from ${ROLLUP_TABLES[grain]} where day >= ?::date and day < ?::date${and}`,
        params: [bounds.first_day, bounds.end_day, ...scoped],
        sums: SUMMED,
      },
      {
        text: `select ${LEDGER_DAY} as day, l.* from (
            ${ledger('occurred_at >= ? and occurred_at < ?')}
            union all ${ledger('occurred_at >= ? and occurred_at < ?')}
            union all ${ledger('occurred_at >= ? and occurred_at < ? and xact_id >= ?::xid8')}
          ) l`,
        params: [
          timeZone,
          period.from,
          bounds.start_at,
          ...scoped,
          bounds.end_at,
          period.to,
          ...scoped,
          bounds.start_at,
          bounds.end_at,
          bounds.folded_below,
          ...scoped,
        ],
        sums: LEDGER_SUMS,
      },
    ],
  };
}
