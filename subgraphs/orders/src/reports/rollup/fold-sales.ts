/**
 * The folder: adds the sales ledger's new rows into the daily rollup, off the checkout's path
 * (a sale only appends its ledger rows; upserting a day's totals in the placing transaction would
 * make each day's row a lock every sale queues on).
 *
 * Which rows are new is decided by transaction id, not by row id or time: a transaction can
 * commit after a later one, so a row id below one already folded may still appear. Every ledger
 * row records its transaction (`xact_id`), and a fold takes the rows of every transaction from
 * where the last fold stopped up to the oldest transaction still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`): all of those have ended, so the rows they
 * committed are all visible and no more will appear, and the rows of any transaction at or past
 * that point wait for a later fold. The rows, their sums and the new watermark commit together,
 * so no row is missed or counted twice, whatever commits when, and whichever replica folds.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type Orm } from '#platform/db';
import { SCHEMA } from '../../constants';
import { LEDGER_DAY, LEDGER_SUMS, LEDGER_TABLE, ROLLUP_KEYS, ROLLUP_SUMS, ROLLUP_TABLES, type RollupGrain } from './sums';

const STATE = `"${SCHEMA}"."sales_rollup_state"`;

/**
 * Folds every ledger row whose transaction has ended and is not folded yet, in one transaction;
 * returns how many rollup rows it wrote. A replica that finds another folding leaves it be. When
 * the shop's time zone is not the one the rollup's days are in, the rollup is cleared and built
 * again from the whole ledger.
 */
export function foldSalesRollup(orm: Orm, timeZone: string): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    await sql(em, `insert into ${STATE} (id) values (1) on conflict do nothing`);
    const [state] = await sql<{ time_zone: string | null; folded_below: string }>(
      em,
      `select time_zone, folded_below::text as folded_below from ${STATE} where id = 1 for update skip locked`,
    );
    if (!state) return 0;
    // The first fold after the ledger gained xact_id takes every row written before (one transaction's id).
    await sql(em, 'set local statement_timeout = 0');
    let from = state.folded_below;
    if (state.time_zone !== timeZone) {
      await sql(em, `delete from ${ROLLUP_TABLES.order}`);
      await sql(em, `delete from ${ROLLUP_TABLES.product}`);
      from = '0';
    }
    // A new statement, so a new snapshot: every transaction below its xmin has ended and is visible to the next statements.
    const [{ upto }] = await sql<{ upto: string }>(em, 'select pg_snapshot_xmin(pg_current_snapshot())::text as upto');
    const next = BigInt(upto) > BigInt(from) ? upto : from;
    if (next === state.folded_below && timeZone === state.time_zone) return 0;
    let written = 0;
    if (next !== from) for (const grain of ['order', 'product'] as const) written += await foldInto(em, grain, timeZone, from, next);
    await sql(em, `update ${STATE} set time_zone = ?, folded_below = ?::xid8, folded_at = now() where id = 1`, [timeZone, next]);
    return written;
  });
}

/** Adds the sums of the ledger rows of transactions in [from, upto) to the rollup of `grain`. */
async function foldInto(em: EntityManager, grain: RollupGrain, timeZone: string, from: string, upto: string): Promise<number> {
  const keys = ['day', ...ROLLUP_KEYS[grain]];
  const [{ written }] = await sql<{ written: number }>(
    em,
    `with w as (insert into ${ROLLUP_TABLES[grain]} as r (${[...keys, ...ROLLUP_SUMS].join(', ')})
     select ${LEDGER_DAY} as day, ${ROLLUP_KEYS[grain].join(', ')}, ${LEDGER_SUMS}
     from ${LEDGER_TABLE} where xact_id >= ?::xid8 and xact_id < ?::xid8
     group by ${keys.map((_, i) => i + 1).join(', ')}
     on conflict (${keys.join(', ')}) do update set ${ROLLUP_SUMS.map((sum) => `${sum} = r.${sum} + excluded.${sum}`).join(', ')}
     returning 1)
     select count(*)::int as written from w`,
    [timeZone, from, upto],
  );
  return written;
}
