/**
 * Step: give the cancelled units' stock back. The whole order: the order's hold is released,
 * whatever is still in it. Some units: those units at each location, each under its own key.
 * A hold that is gone already (released, or never made) counts as done.
 */
import { InventoryReservationRelease, InventoryReservationReleaseLines } from '#contracts/inventory';
import { stepKeys } from '../../checkout/keys';
import type { CancellationRow } from '../cancellation-row';
import type { CancellationDeps } from '../deps';
import { cancelKeys } from '../keys';
import type { StockRelease } from '../types';

/** A step's result to record, or null when it is to be tried again. */
export type StepRecord = Record<string, unknown> | null;

const GONE = ['NOT_FOUND', 'RESERVATION_NOT_PENDING'];

export async function releaseOrderHold(deps: CancellationDeps, row: CancellationRow): Promise<StepRecord> {
  const checkoutId = row.plan.checkoutId;
  if (!checkoutId) return { nothingHeld: true };
  const result = await deps.inventory.call({}, InventoryReservationRelease, { id: stepKeys(checkoutId).stock });
  if (result.ok) return { status: result.value.reservation?.status ?? null };
  if (result.reason === 'UNAVAILABLE') return null;
  if (!result.userErrors.every((e) => GONE.includes(e.code))) {
    deps.logger.error({ cancellation: row.id, errors: result.userErrors }, 'cancellation: the hold could not be released');
  }
  return { refused: result.userErrors.map((e) => e.code) };
}

/**
 * Some units, where they are held: at the fulfilment order's location, or for ship to store at
 * the pickup store once the transfer arrived there. Units on a transfer still under way are not
 * held anywhere to release (inventory lets a cancelled order's units arrive as ordinary stock).
 */
export async function releaseUnits(deps: CancellationDeps, row: CancellationRow, release: StockRelease): Promise<StepRecord> {
  const checkoutId = row.plan.checkoutId;
  if (!checkoutId) return { nothingHeld: true };
  const places = [release.locationId, ...(release.destinationLocationId ? [release.destinationLocationId] : [])];
  let refusals: string[] = [];
  for (const locationId of places) {
    const result = await deps.inventory.call({}, InventoryReservationReleaseLines, {
      input: { id: stepKeys(checkoutId).stock, idempotencyKey: cancelKeys(row.id).stock(locationId), locationId, lines: release.lines },
    });
    if (result.ok) return { released: release.lines, locationId };
    if (result.reason === 'UNAVAILABLE') return null;
    refusals = result.userErrors.map((e) => e.code);
    if (!refusals.includes('NOT_HELD')) break;
  }
  deps.logger.error({ cancellation: row.id, refusals }, 'cancellation: units could not be released');
  return { refused: refusals };
}
