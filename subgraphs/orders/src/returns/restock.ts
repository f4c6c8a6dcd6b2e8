/**
 * Step: units received as RESTOCK go back on hand at the receiving store (inventory's RETURN
 * movement, on the return's channel), each receipt once under its own key. Runs after the
 * receipt committed; one that fails (inventory down) is left for the sweeper.
 */
import { InventoryReturnRecord, type Channel } from '#contracts/inventory';
import { sql } from '#platform/db';
import type { CancellationDeps } from '../cancellation';
import { SCHEMA } from '../constants';
import { OrderReturn } from '../entities';

/** Runs the return's restocks not done yet; true when none is left. */
export async function restockReturn(deps: CancellationDeps, returnId: string): Promise<boolean> {
  const em = deps.em();
  const ret = await em.findOne(OrderReturn, { id: returnId });
  if (!ret) return true;
  let all = true;
  for (const restock of ret.restocks.filter((r) => !r.done)) {
    const result = await deps.inventory.call({}, InventoryReturnRecord, {
      input: {
        idempotencyKey: restock.key,
        locationId: restock.locationId,
        channel: ret.channel as Channel,
        lines: restock.lines,
        reference: `return:${ret.id}`,
      },
    });
    if (!result.ok && result.reason === 'UNAVAILABLE') {
      deps.logger.warn({ return: ret.id, restock: restock.key }, 'return: restock not done; retried later');
      all = false;
      continue;
    }
    if (!result.ok) deps.logger.error({ return: ret.id, result }, 'return: inventory refused the restock');
    await sql(
      em,
      `update "${SCHEMA}"."order_return" set restocks = (
         select jsonb_agg(case when r->>'key' = ? then r || '{"done":true}'::jsonb else r end) from jsonb_array_elements(restocks) r)
       where id = ?`,
      [restock.key, ret.id],
    );
  }
  return all;
}

/** Retries restocks left undone (inventory was down, or the process died after the receipt). */
export async function sweepRestocks(deps: CancellationDeps, batch = 20): Promise<number> {
  const rows = await sql<{ id: string }>(
    deps.em(),
    `select id from "${SCHEMA}"."order_return" where restocks @> '[{"done": false}]'::jsonb and updated_at < now() - interval '30 seconds'
      order by updated_at limit ?`,
    [batch],
  );
  for (const row of rows)
    await restockReturn(deps, row.id).catch((err: unknown) => deps.logger.error({ err, return: row.id }, 'restock sweep'));
  return rows.length;
}
