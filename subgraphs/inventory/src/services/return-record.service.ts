import { idempotent, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { InventoryLevel, StockMovementReason } from '../entities';
import { InventoryErrorCode } from '../errors';
import type { InventoryReturnRecordInput } from '../inputs/return-record.input';
import { requireLocations } from './location-lookup';
import { applyStockChanges } from './stock-ledger';

/**
 * Puts units a customer brought back on hand at the location that took them (a RETURN movement
 * on the return's channel), wherever they were sold from: an online order returned in a store
 * restocks that store. Once per idempotency key.
 */
export async function recordReturn(ctx: InventoryContext, input: InventoryReturnRecordInput): Promise<MutationOutcome<InventoryLevel[]>> {
  const errors = await validateInput(input, ['input']);
  const skus = input.lines.map((l) => l.sku);
  if (new Set(skus).size !== skus.length) errors.push(new UserError(['input', 'lines'], 'List each SKU once', InventoryErrorCode.TAKEN));
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    const { idempotencyKey, ...request } = input;
    await idempotent(tx.em, SCHEMA, 'inventoryReturnRecord', idempotencyKey, request, async () => {
      await requireLocations(tx.em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
      await applyStockChanges(
        tx.em,
        input.lines.map((line) => ({
          sku: line.sku,
          locationId: input.locationId,
          onHand: line.quantity,
          reason: StockMovementReason.RETURN,
          guard: 'none' as const,
          channel: input.channel,
          reference: input.reference ?? null,
          actor: tx.viewer.subject,
        })),
      );
      return null;
    });
    return tx.em.find(InventoryLevel, { sku: { $in: skus }, locationId: input.locationId }, { orderBy: { sku: 'asc' }, refresh: true });
  });
}
