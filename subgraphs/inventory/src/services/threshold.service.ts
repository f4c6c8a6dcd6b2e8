import { randomUUID } from 'node:crypto';
import { requireLocationAccess } from '#platform/auth';
import { runMutation, sql, type MutationOutcome } from '#platform/db';
import { validateInput } from '#platform/graphql';
import { publishEvents } from '#platform/outbox';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { InventoryLevelLow, levelEventKey } from '../contract';
import { InventoryLevel } from '../entities';
import type { LowStockThresholdInput } from '../inputs/inventory-adjust.input';
import { requireLocations } from './location-lookup';
import { unknownSkuErrors } from './sku-check';
import { levelState, type LevelRow } from './stock-ledger';

/**
 * Sets when a level counts as low. Stock does not change, so neither does the version; but a
 * level that is already at or below its new threshold raises the low-stock alert now.
 */
export async function setLowStockThreshold(ctx: InventoryContext, input: LowStockThresholdInput): Promise<MutationOutcome<InventoryLevel>> {
  requireLocationAccess(ctx.viewer, input.locationId);
  const errors = await validateInput(input, ['input']);
  if (!errors.length) errors.push(...(await unknownSkuErrors(ctx, [{ sku: input.sku, path: ['input', 'sku'] }])));
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    await requireLocations(tx.em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
    const threshold = input.threshold ?? null;
    const [level] = await sql<LevelRow>(
      tx.em,
      `insert into ${SCHEMA}.inventory_level (id, sku, location_id, on_hand, reserved, incoming, low_stock_threshold, version, needs_reconciliation, updated_at)
       values (?, ?, ?, 0, 0, 0, ?, 0, false, now())
       on conflict (sku, location_id) do update set low_stock_threshold = excluded.low_stock_threshold
       returning *`,
      [randomUUID(), input.sku, input.locationId, threshold],
    );
    const state = levelState(level);
    if (threshold !== null && state.available <= threshold) {
      await publishEvents(tx.em, SCHEMA, [
        InventoryLevelLow.event(levelEventKey(level.sku, level.location_id), { ...state, lowStockThreshold: threshold }),
      ]);
    }
    return tx.em.findOneOrFail(InventoryLevel, { id: level.id }, { refresh: true });
  });
}
