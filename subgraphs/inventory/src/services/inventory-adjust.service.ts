import type { EntityManager } from '@mikro-orm/postgresql';
import { callerScope, requireLocationAccess } from '#platform/auth';
import { idempotencyKeyErrors, idempotent, runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { InventoryLevel, StockMovementReason } from '../entities';
import { InventoryErrorCode } from '../errors';
import type { InventoryAdjustInput, InventoryCountInput } from '../inputs/inventory-adjust.input';
import { adjustmentErrors, repeatedCountErrors, staleQuantity } from '../rules/stock-adjustment';
import { requireLocations } from './location-lookup';
import { levelRowOf, recordedLevels, type RecordedSale } from './offline-sales-batch';
import { unknownSkuErrors } from './sku-check';
import { applyStockChanges, inLevelOrder, InsufficientStockError, type LevelRow } from './stock-ledger';

/**
 * Staff change stock by a delta with a reason. With `expectedOnHand` the change applies only
 * if nobody moved the stock since the caller looked; with an idempotency key a retry replays.
 * The SKU is checked against the catalog first; the transaction then touches only inventory.
 */
export async function adjustInventory(
  ctx: InventoryContext,
  input: InventoryAdjustInput,
  idempotencyKey?: string | null,
): Promise<MutationOutcome<InventoryLevel>> {
  requireLocationAccess(ctx.viewer, input.locationId);
  const errors = [
    ...(await validateInput(input, ['input'])),
    ...adjustmentErrors(input),
    ...idempotencyKeyErrors(idempotencyKey, { optional: true }),
  ];
  if (!errors.length) errors.push(...(await unknownSkuErrors(ctx, [{ sku: input.sku, path: ['input', 'sku'] }])));
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    // The level as this adjustment left it is kept with the key, so a retry answers it, not the level as it stands by then.
    const { result } = await idempotent<AdjustResult>(
      tx.em,
      SCHEMA,
      `inventoryAdjust:${callerScope(tx.viewer)}`,
      idempotencyKey,
      input,
      async () => {
        await requireLocations(tx.em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
        if (input.expectedOnHand != null) {
          const onHand = (await lockLevels(tx.em, [input.sku], input.locationId)).get(input.sku)?.on_hand ?? 0;
          const stale = staleQuantity(['input', 'expectedOnHand'], input.expectedOnHand, onHand);
          if (stale) throw new UserErrorsException([stale]);
        }
        try {
          const [level] = await applyStockChanges(tx.em, [
            {
              sku: input.sku,
              locationId: input.locationId,
              onHand: input.delta,
              reason: input.reason,
              guard: 'available',
              reference: input.reference ?? null,
              actor: tx.viewer.subject,
            },
          ]);
          return { levelId: level.id, levels: [level] };
        } catch (error) {
          if (!(error instanceof InsufficientStockError)) throw error;
          throw new UserErrorsException([
            new UserError(
              ['input', 'delta'],
              `Cannot remove ${-input.delta}: ${error.message.split(';')[0]}`,
              InventoryErrorCode.INSUFFICIENT_STOCK,
            ),
          ]);
        }
      },
    );
    if (result.levels) return recordedLevels({ levels: result.levels })[0];
    // A key recorded before levels were kept answers the level as it stands.
    return tx.em.findOneOrFail(InventoryLevel, { id: result.levelId }, { refresh: true });
  });
}

/** What an adjustment keeps under its key: its level, and (since they are kept) the level right after it. */
interface AdjustResult {
  levelId: string;
  levels?: RecordedSale['levels'];
}

/** What a count keeps under its key: its SKUs, and (since they are kept) their levels right after it. */
interface CountResult {
  skus: string[];
  levels?: RecordedSale['levels'];
}

/**
 * Records a stock count: for each SKU the difference from onHand becomes a COUNT_CORRECTION.
 * A count is the truth about the shelf, so it applies even where units are reserved; a level
 * whose available goes negative is flagged for reconciliation, and a flagged level it leaves
 * with available at zero or more is reconciled.
 */
export async function countInventory(
  ctx: InventoryContext,
  input: InventoryCountInput,
  idempotencyKey?: string | null,
): Promise<MutationOutcome<InventoryLevel[]>> {
  requireLocationAccess(ctx.viewer, input.locationId);
  const errors = [
    ...(await validateInput(input, ['input'])),
    ...repeatedCountErrors(input.counts),
    ...idempotencyKeyErrors(idempotencyKey, { optional: true }),
  ];
  if (!errors.length) {
    errors.push(
      ...(await unknownSkuErrors(
        ctx,
        input.counts.map((c, i) => ({ sku: c.sku, path: ['input', 'counts', String(i), 'sku'] })),
      )),
    );
  }
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    const skus = input.counts.map((c) => c.sku);
    const levelsNow = () =>
      tx.em.find(InventoryLevel, { sku: { $in: skus }, locationId: input.locationId }, { orderBy: { sku: 'asc' }, refresh: true });
    const { result } = await idempotent<CountResult>(
      tx.em,
      SCHEMA,
      `inventoryCount:${callerScope(tx.viewer)}`,
      idempotencyKey,
      input,
      async () => {
        await requireLocations(tx.em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
        const current = await lockLevels(tx.em, skus, input.locationId);
        const onHandOf = (sku: string) => current.get(sku)?.on_hand ?? 0;
        const stale = input.counts.flatMap((c, i) =>
          c.expectedOnHand == null
            ? []
            : [staleQuantity(['input', 'counts', String(i), 'expectedOnHand'], c.expectedOnHand, onHandOf(c.sku), c.sku)],
        );
        if (stale.some((e) => e)) throw new UserErrorsException(stale.filter((e): e is UserError => e !== null));
        await applyStockChanges(
          tx.em,
          input.counts
            .map((c) => ({ sku: c.sku, diff: c.counted - onHandOf(c.sku) }))
            .filter((c) => c.diff !== 0)
            .map((c) => ({
              sku: c.sku,
              locationId: input.locationId,
              onHand: c.diff,
              reason: StockMovementReason.COUNT_CORRECTION,
              guard: 'none' as const,
              reference: input.reference ?? null,
              actor: tx.viewer.subject,
            })),
        );
        // The count is what a flagged level asked for: it stays flagged only if the count itself leaves available negative.
        await sql(
          tx.em,
          `update ${SCHEMA}.inventory_level set needs_reconciliation = on_hand - reserved < 0
            where location_id = ? and sku = any(?) and needs_reconciliation`,
          [input.locationId, skus],
        );
        return { skus, levels: (await levelsNow()).map(levelRowOf) };
      },
    );
    // A retry answers the levels as the count left them; a key recorded before they were kept, the levels as they stand.
    return result.levels ? recordedLevels({ levels: result.levels }) : levelsNow();
  });
}

/**
 * The levels of these SKUs at a location, locked until the transaction ends, so what was compared cannot move before it is
 * applied. A level not there yet is created (empty) and locked too: otherwise two counts of a SKU new here both compare
 * against nothing and both add what they counted. One statement in SKU order, the order every writer locks levels in.
 */
async function lockLevels(em: EntityManager, skus: string[], locationId: string): Promise<Map<string, LevelRow>> {
  const rows = await sql<LevelRow>(
    em,
    `insert into ${SCHEMA}.inventory_level (id, sku, location_id, on_hand, reserved, incoming, version, needs_reconciliation, updated_at)
     select gen_random_uuid(), t.sku, ?, 0, 0, 0, 0, false, now() from unnest(?::text[]) with ordinality as t(sku, n) order by t.n
     on conflict (sku, location_id) do update set sku = excluded.sku
     returning *`,
    [locationId, inLevelOrder(skus.map((sku) => ({ sku, locationId }))).map((level) => level.sku)],
  );
  return new Map(rows.map((r) => [r.sku, r]));
}
