import { idempotent, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { InventoryLevel, StockMovementReason } from '../entities';
import { InventoryErrorCode } from '../errors';
import type { InventorySaleRecordInput } from '../inputs/reservation.input';
import { requireLocations } from './location-lookup';
import { levelRowOf, recordedLevels, recordOfflineSales, SALE_RECORD_SCOPE, type RecordedSale } from './offline-sales-batch';
import { applyStockChanges, InsufficientStockError } from './stock-ledger';

/** How far ahead of this server's clock a till's sale time may be (clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Records a sale made at a till. Online it must find the stock (like any sale); made offline,
 * the till already handed the goods over, so it is recorded whatever the system shows, and a
 * level taken below zero is flagged for reconciliation instead of the sale being lost.
 */
export async function recordSale(ctx: InventoryContext, input: InventorySaleRecordInput): Promise<MutationOutcome<InventoryLevel[]>> {
  const errors = await saleProblems(input);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(ctx, (tx) => recordIn(tx, input));
}

/**
 * Records a till's batch in one call and one transaction: each sale as `recordSale` would, under
 * its own key, a refused sale leaving the others recorded. One outcome per sale, in order. A batch
 * of offline sales is recorded set-based (offline-sales-batch.ts); otherwise each sale gets its
 * own savepoint.
 */
export async function recordSales(
  ctx: InventoryContext,
  inputs: readonly InventorySaleRecordInput[],
): Promise<MutationOutcome<MutationOutcome<InventoryLevel[]>[]>> {
  if (inputs.length > MAX_SALES_PER_CALL) {
    return {
      ok: false,
      userErrors: [new UserError(['sales'], `At most ${MAX_SALES_PER_CALL} sales per call`, InventoryErrorCode.TOO_MANY)],
    };
  }
  const problems = await Promise.all(inputs.map((input) => saleProblems(input)));
  return runMutation(ctx, async (tx) => {
    const batched = await recordOfflineSales(tx, inputs, problems);
    if (batched) return batched;
    const outcomes: MutationOutcome<InventoryLevel[]>[] = [];
    for (const [index, input] of inputs.entries()) {
      if (problems[index].length) {
        outcomes.push({ ok: false, userErrors: problems[index] });
        continue;
      }
      try {
        // A savepoint: a refused sale undoes only itself.
        const levels = await tx.em.transactional((em) => recordIn(tx.rebind(em, true) as InventoryContext, input));
        // Copies: the identity map's levels change with the next sale; each answer keeps its own moment.
        outcomes.push({
          ok: true,
          value: levels.map((level) => Object.assign(Object.create(Object.getPrototypeOf(level) as object) as InventoryLevel, level)),
        });
      } catch (error) {
        if (!(error instanceof UserErrorsException)) throw error;
        outcomes.push({ ok: false, userErrors: error.userErrors });
      }
    }
    return outcomes;
  });
}

/** At most this many sales in one recordSales call (an offline batch). */
export const MAX_SALES_PER_CALL = 250;

async function saleProblems(input: InventorySaleRecordInput): Promise<UserError[]> {
  const errors = await validateInput(input, ['input']);
  const skus = input.lines.map((l) => l.sku);
  if (new Set(skus).size !== skus.length) errors.push(new UserError(['input', 'lines'], 'List each SKU once', InventoryErrorCode.TAKEN));
  if (input.occurredAt && input.occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
    errors.push(new UserError(['input', 'occurredAt'], 'A sale cannot have happened in the future', InventoryErrorCode.INVALID));
  }
  return errors;
}

/**
 * The sale in the caller's transaction, once per key; the levels of its SKUs at the store right
 * after it, which a replay answers again (a record from before they were kept: as they stand).
 */
async function recordIn(tx: InventoryContext, input: InventorySaleRecordInput): Promise<InventoryLevel[]> {
  const skus = input.lines.map((l) => l.sku);
  const levelsNow = () =>
    tx.em.find(InventoryLevel, { sku: { $in: skus }, locationId: input.locationId }, { orderBy: { sku: 'asc' }, refresh: true });
  const { idempotencyKey, ...request } = input;
  const { result } = await idempotent<RecordedSale | null>(tx.em, SCHEMA, SALE_RECORD_SCOPE, idempotencyKey, request, async () => {
    await requireLocations(tx.em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
    try {
      await applyStockChanges(
        tx.em,
        input.lines.map((line) => ({
          sku: line.sku,
          locationId: input.locationId,
          onHand: -line.quantity,
          reason: StockMovementReason.SALE,
          guard: input.offline ? ('none' as const) : ('available' as const),
          channel: input.channel,
          reference: input.reference ?? null,
          actor: tx.viewer.subject,
          occurredAt: input.occurredAt ?? undefined,
        })),
      );
    } catch (error) {
      if (!(error instanceof InsufficientStockError)) throw error;
      const index = input.lines.findIndex((l) => l.sku === error.sku);
      throw new UserErrorsException([
        new UserError(['input', 'lines', String(index), 'quantity'], error.message, InventoryErrorCode.INSUFFICIENT_STOCK),
      ]);
    }
    return { levels: (await levelsNow()).map(levelRowOf) };
  });
  return result ? recordedLevels(result) : levelsNow();
}
