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

export async function releaseUnits(deps: CancellationDeps, row: CancellationRow, release: StockRelease): Promise<StepRecord> {
  const checkoutId = row.plan.checkoutId;
  if (!checkoutId) return { nothingHeld: true };
  const result = await deps.inventory.call({}, InventoryReservationReleaseLines, {
    input: {
      id: stepKeys(checkoutId).stock,
      idempotencyKey: cancelKeys(row.id).stock(release.locationId),
      locationId: release.locationId,
      lines: release.lines,
    },
  });
  if (result.ok) return { released: release.lines };
  if (result.reason === 'UNAVAILABLE') return null;
  deps.logger.error({ cancellation: row.id, errors: result.userErrors }, 'cancellation: units could not be released');
  return { refused: result.userErrors.map((e) => e.code) };
}
