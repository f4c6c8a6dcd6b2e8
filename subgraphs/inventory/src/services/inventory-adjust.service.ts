import type { EntityManager } from '@mikro-orm/postgresql';
import { requireLocationAccess } from '#platform/auth';
import { idempotent, runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorCode, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { InventoryLevel, StockMovementReason } from '../entities';
import type { InventoryAdjustInput, InventoryCountInput } from '../inputs/inventory-adjust.input';
import { requireLocations } from './location-lookup';
import { assertSkusKnown } from './sku-check';
import { applyStockChanges, InsufficientStockError, type LevelRow } from './stock-ledger';

export const AdjustErrorCode = {
  STALE_QUANTITY: 'STALE_QUANTITY',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
} as const;

/** Reasons staff may give, and the direction each allows (+1 in, -1 out, 0 either). */
const ADJUSTABLE: Partial<Record<StockMovementReason, -1 | 0 | 1>> = {
  [StockMovementReason.CORRECTION]: 0,
  [StockMovementReason.RECEIVED]: 1,
  [StockMovementReason.RETURN]: 1,
  [StockMovementReason.DAMAGED]: -1,
  [StockMovementReason.LOST]: -1,
  [StockMovementReason.SALE]: -1,
};

/**
 * Staff change stock by a delta with a reason. With `expectedOnHand` the change applies only
 * if nobody moved the stock since the caller looked; with an idempotency key a retry replays.
 */
export async function adjustInventory(
  ctx: InventoryContext,
  input: InventoryAdjustInput,
  idempotencyKey?: string | null,
): Promise<MutationOutcome<InventoryLevel>> {
  requireLocationAccess(ctx.viewer, input.locationId);
  const errors = await validateInput(input, ['input']);
  const direction = ADJUSTABLE[input.reason];
  if (direction === undefined) {
    errors.push(
      new UserError(['input', 'reason'], `${input.reason} is recorded by the system, not by an adjustment`, UserErrorCode.INVALID),
    );
  } else if (input.delta === 0) {
    errors.push(new UserError(['input', 'delta'], 'delta must not be zero', UserErrorCode.INVALID));
  } else if (direction !== 0 && Math.sign(input.delta) !== direction) {
    errors.push(
      new UserError(
        ['input', 'delta'],
        `${input.reason} ${direction > 0 ? 'adds' : 'removes'} stock: delta must be ${direction > 0 ? 'positive' : 'negative'}`,
        UserErrorCode.INVALID,
      ),
    );
  }
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx.em, async (em) => {
    const { result } = await idempotent(em, SCHEMA, 'inventoryAdjust', idempotencyKey, input, async () => {
      await requireLocations(em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
      await assertSkusKnown(ctx, [{ sku: input.sku, path: ['input', 'sku'] }]);
      if (input.expectedOnHand != null)
        await assertOnHand(em, input.sku, input.locationId, input.expectedOnHand, ['input', 'expectedOnHand']);
      try {
        const [level] = await applyStockChanges(em, [
          {
            sku: input.sku,
            locationId: input.locationId,
            onHand: input.delta,
            reason: input.reason,
            guard: 'available',
            reference: input.reference ?? null,
            actor: ctx.viewer.subject,
          },
        ]);
        return { levelId: level.id };
      } catch (error) {
        if (error instanceof InsufficientStockError) {
          throw new UserErrorsException([
            new UserError(
              ['input', 'delta'],
              `Cannot remove ${-input.delta}: ${error.message.split(';')[0]}`,
              AdjustErrorCode.INSUFFICIENT_STOCK,
            ),
          ]);
        }
        throw error;
      }
    });
    return em.findOneOrFail(InventoryLevel, { id: result.levelId }, { refresh: true });
  });
}

/**
 * Records a stock count: for each SKU the difference from onHand becomes a COUNT_CORRECTION.
 * A count is the truth about the shelf, so it applies even where units are reserved; a level
 * whose available goes negative is flagged for reconciliation.
 */
export async function countInventory(
  ctx: InventoryContext,
  input: InventoryCountInput,
  idempotencyKey?: string | null,
): Promise<MutationOutcome<InventoryLevel[]>> {
  requireLocationAccess(ctx.viewer, input.locationId);
  const errors = await validateInput(input, ['input']);
  const seen = new Set<string>();
  input.counts.forEach((line, i) => {
    if (seen.has(line.sku))
      errors.push(new UserError(['input', 'counts', String(i), 'sku'], `${line.sku} is counted twice`, UserErrorCode.TAKEN));
    seen.add(line.sku);
  });
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx.em, async (em) => {
    const { result } = await idempotent(em, SCHEMA, 'inventoryCount', idempotencyKey, input, async () => {
      await requireLocations(em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
      await assertSkusKnown(
        ctx,
        input.counts.map((c, i) => ({ sku: c.sku, path: ['input', 'counts', String(i), 'sku'] })),
      );
      const current = await lockLevels(
        em,
        input.counts.map((c) => c.sku),
        input.locationId,
      );
      const stale = input.counts.flatMap((c, i) => {
        const onHand = current.get(c.sku)?.on_hand ?? 0;
        return c.expectedOnHand != null && c.expectedOnHand !== onHand
          ? [
              new UserError(
                ['input', 'counts', String(i), 'expectedOnHand'],
                `${c.sku}: expected ${c.expectedOnHand} on hand but there are ${onHand}; recount`,
                AdjustErrorCode.STALE_QUANTITY,
              ),
            ]
          : [];
      });
      if (stale.length) throw new UserErrorsException(stale);
      const changes = input.counts
        .map((c) => ({ sku: c.sku, diff: c.counted - (current.get(c.sku)?.on_hand ?? 0) }))
        .filter((c) => c.diff !== 0)
        .map((c) => ({
          sku: c.sku,
          locationId: input.locationId,
          onHand: c.diff,
          reason: StockMovementReason.COUNT_CORRECTION,
          guard: 'none' as const,
          reference: input.reference ?? null,
          actor: ctx.viewer.subject,
        }));
      await applyStockChanges(em, changes);
      return { skus: input.counts.map((c) => c.sku) };
    });
    return em.find(InventoryLevel, { sku: { $in: result.skus }, locationId: input.locationId }, { orderBy: { sku: 'asc' }, refresh: true });
  });
}

async function lockLevels(em: EntityManager, skus: string[], locationId: string): Promise<Map<string, LevelRow>> {
  const rows = await sql<LevelRow>(
    em,
    `select * from ${SCHEMA}.inventory_level where sku = any(?) and location_id = ? order by sku for update`,
    [skus, locationId],
  );
  return new Map(rows.map((r) => [r.sku, r]));
}

async function assertOnHand(em: EntityManager, sku: string, locationId: string, expected: number, field: string[]): Promise<void> {
  const onHand = (await lockLevels(em, [sku], locationId)).get(sku)?.on_hand ?? 0;
  if (onHand !== expected) {
    throw new UserErrorsException([
      new UserError(field, `Expected ${expected} on hand but there are ${onHand}; nothing was changed`, AdjustErrorCode.STALE_QUANTITY),
    ]);
  }
}
