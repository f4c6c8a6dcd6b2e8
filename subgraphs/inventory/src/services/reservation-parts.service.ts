import type { EntityManager } from '@mikro-orm/postgresql';
import { idempotent, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { Reservation, StockMovementReason } from '../entities';
import { InventoryErrorCode } from '../errors';
import type { InventoryReservationMoveInput, InventoryReservationPartInput } from '../inputs/reservation.input';
import type { StockLineInput } from '../inputs/stock-line.input';
import { addToHold, isOpen, settledStatus, takeFromHold } from '../rules/reservation-holds';
import { duplicateSkus } from '../rules/stock-document';
import { requireLocations } from './location-lookup';
import { lockReservation, notHeld, notPending, requireLive, reservationReference } from './reservation-lock';
import { applyStockChanges, InsufficientStockError } from './stock-ledger';

/**
 * Steps on part of a hold, for a placed order being fulfilled line by line: sell units, give
 * them back, or hold them elsewhere. Each is all lines or none and runs once per idempotency key.
 */

type Step = 'fulfil' | 'release';

/** Held units at `input.locationId` leave stock as a SALE there, on the reservation's channel. */
export function fulfilReservationPart(ctx: InventoryContext, input: InventoryReservationPartInput): Promise<MutationOutcome<Reservation>> {
  return takePart(ctx, input, 'fulfil');
}

/** Held units at `input.locationId` go back to available stock (a cancelled line). */
export function releaseReservationPart(ctx: InventoryContext, input: InventoryReservationPartInput): Promise<MutationOutcome<Reservation>> {
  return takePart(ctx, input, 'release');
}

async function takePart(ctx: InventoryContext, input: InventoryReservationPartInput, step: Step): Promise<MutationOutcome<Reservation>> {
  const errors = await validateInput(input, ['input']);
  errors.push(...duplicateSkus(input.lines, ['input', 'lines']));
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async ({ em }) => {
    const scope = step === 'fulfil' ? 'inventoryReservationFulfil' : 'inventoryReservationReleaseLines';
    const request = { id: input.id, locationId: input.locationId, lines: canonicalLines(input.lines) };
    const { result } = await idempotent(em, SCHEMA, scope, input.idempotencyKey, request, async () => {
      await requireLocations(em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
      const reservation = await lockReservation(em, input.id, ['input', 'id']);
      if (step === 'fulfil') requireLive(reservation, ['input', 'id']);
      else if (!isOpen(reservation.status)) throw notPending(reservation, ['input', 'id']);
      const taken = takeFromHold(reservation.lines, input.locationId, input.lines);
      if (!taken.ok) throw notHeld(taken.short, ['input', 'lines'], 'there');
      const sold = step === 'fulfil';
      await applyStockChanges(
        em,
        input.lines.map((line) => ({
          sku: line.sku,
          locationId: input.locationId,
          onHand: sold ? -line.quantity : 0,
          reserved: -line.quantity,
          reason: sold ? StockMovementReason.SALE : StockMovementReason.RELEASE,
          guard: 'none' as const,
          channel: reservation.channel,
          reference: reservationReference(reservation),
        })),
      );
      reservation.lines = taken.left;
      if (sold) reservation.fulfilled = addToHold(reservation.fulfilled, input.locationId, input.lines);
      else reservation.released = addToHold(reservation.released, input.locationId, input.lines);
      reservation.status = settledStatus(reservation);
      await em.flush();
      return { reservationId: reservation.id };
    });
    return reservationById(em, result.reservationId);
  });
}

/**
 * Moves held units to another location (a rerouted fulfilment): released at the source, held
 * at the destination only where they are available there (INSUFFICIENT_STOCK), all lines or none.
 */
export async function moveReservationPart(
  ctx: InventoryContext,
  input: InventoryReservationMoveInput,
): Promise<MutationOutcome<Reservation>> {
  const errors = await validateInput(input, ['input']);
  errors.push(...duplicateSkus(input.lines, ['input', 'lines']));
  if (input.fromLocationId === input.toLocationId) {
    errors.push(new UserError(['input', 'toLocationId'], 'Moving needs two different locations', InventoryErrorCode.SAME_LOCATION));
  }
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async ({ em }) => {
    const { idempotencyKey, ...rest } = input;
    const request = { ...rest, lines: canonicalLines(input.lines) };
    const { result } = await idempotent(em, SCHEMA, 'inventoryReservationMove', idempotencyKey, request, async () => {
      await requireLocations(em, [
        { id: input.fromLocationId, path: ['input', 'fromLocationId'] },
        { id: input.toLocationId, path: ['input', 'toLocationId'] },
      ]);
      const reservation = await lockReservation(em, input.id, ['input', 'id']);
      requireLive(reservation, ['input', 'id']);
      const taken = takeFromHold(reservation.lines, input.fromLocationId, input.lines);
      if (!taken.ok) throw notHeld(taken.short, ['input', 'lines'], 'at the source');
      const common = { channel: reservation.channel, reference: reservationReference(reservation) };
      try {
        await applyStockChanges(
          em,
          input.lines.flatMap((line) => [
            {
              sku: line.sku,
              locationId: input.fromLocationId,
              reserved: -line.quantity,
              reason: StockMovementReason.RELEASE,
              guard: 'none' as const,
              ...common,
            },
            {
              sku: line.sku,
              locationId: input.toLocationId,
              reserved: line.quantity,
              reason: StockMovementReason.RESERVATION,
              guard: 'available' as const,
              ...common,
            },
          ]),
        );
      } catch (error) {
        if (!(error instanceof InsufficientStockError)) throw error;
        // The whole transaction rolls back: the source keeps its hold.
        const index = input.lines.findIndex((line) => line.sku === error.sku);
        throw new UserErrorsException([
          new UserError(
            ['input', 'lines', String(index), 'quantity'],
            `${error.message}; nothing moved`,
            InventoryErrorCode.INSUFFICIENT_STOCK,
          ),
        ]);
      }
      reservation.lines = addToHold(taken.left, input.toLocationId, input.lines);
      await em.flush();
      return { reservationId: reservation.id };
    });
    return reservationById(em, result.reservationId);
  });
}

/** Lines in SKU order, so a retry that lists them in another order is the same request. */
function canonicalLines(lines: readonly StockLineInput[]): { sku: string; quantity: number }[] {
  return [...lines].map((l) => ({ sku: l.sku, quantity: l.quantity })).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

function reservationById(em: EntityManager, id: string): Promise<Reservation> {
  return em.findOneOrFail(Reservation, { id }, { refresh: true });
}
