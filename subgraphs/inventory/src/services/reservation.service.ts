import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idempotent, isUuid, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { Reservation, ReservationStatus, StockMovementReason, type ReservationLine } from '../entities';
import { InventoryErrorCode } from '../errors';
import type { InventoryReserveInput } from '../inputs/reservation.input';
import { requireLocations } from './location-lookup';
import { allocate } from './reservation-allocation';
import { applyStockChanges, InsufficientStockError } from './stock-ledger';

/** Attempts when a concurrent checkout takes the stock the allocation counted on. */
const ALLOCATION_ATTEMPTS = 3;
/** How long stock is held when the caller does not say (the input's default too). */
const DEFAULT_TTL_SECONDS = 900;

/**
 * Holds stock for a checkout, all lines or none. Idempotent under `key`: a retry gets the
 * same reservation; the same key with other lines is refused.
 */
export async function reserve(ctx: InventoryContext, input: InventoryReserveInput): Promise<MutationOutcome<Reservation>> {
  const errors = await validateInput(input, ['input']);
  const skus = input.lines.map((l) => l.sku);
  if (new Set(skus).size !== skus.length) errors.push(new UserError(['input', 'lines'], 'List each SKU once', InventoryErrorCode.TAKEN));
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async ({ em }) => {
    const { key, ...request } = input;
    const { result } = await idempotent(em, SCHEMA, 'inventoryReserve', key, request, async () => {
      if (input.locationId) await requireLocations(em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
      const lines = await holdStock(em, input);
      const reservation = Object.assign(new Reservation(), {
        key,
        requestHash: '',
        lines,
        channel: input.channel ?? null,
        reference: input.reference ?? null,
        expiresAt: new Date(Date.now() + (input.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000),
      });
      await em.persistAndFlush(reservation);
      return { reservationId: reservation.id };
    });
    return em.findOneOrFail(Reservation, { id: result.reservationId });
  });
}

async function holdStock(em: EntityManager, input: InventoryReserveInput): Promise<ReservationLine[]> {
  for (let attempt = 1; ; attempt += 1) {
    const lines = input.locationId
      ? input.lines.map((l) => ({ sku: l.sku, locationId: input.locationId as string, quantity: l.quantity }))
      : await allocate(em, { lines: input.lines, near: input.near, allowSplit: input.allowSplit ?? true });
    if (!lines) throw insufficient(input, null);
    try {
      // A savepoint, so a lost race undoes only this attempt's holds.
      await em.transactional((attemptEm) =>
        applyStockChanges(
          attemptEm,
          lines.map((line) => ({
            ...line,
            reserved: line.quantity,
            reason: StockMovementReason.RESERVATION,
            guard: 'available' as const,
            channel: input.channel ?? null,
            reference: input.reference ?? null,
          })),
        ),
      );
      return lines;
    } catch (error) {
      if (!(error instanceof InsufficientStockError)) throw error;
      if (input.locationId || attempt >= ALLOCATION_ATTEMPTS) throw insufficient(input, error);
    }
  }
}

function insufficient(input: InventoryReserveInput, error: InsufficientStockError | null): UserErrorsException {
  const index = error ? input.lines.findIndex((l) => l.sku === error.sku) : -1;
  const field = index >= 0 ? ['input', 'lines', String(index), 'quantity'] : ['input', 'lines'];
  const message =
    error?.message ?? (input.allowSplit === false ? 'No single location has every line in stock' : 'Not enough stock across all locations');
  return new UserErrorsException([new UserError(field, message, InventoryErrorCode.INSUFFICIENT_STOCK)]);
}

/** The held units leave stock as sold. Committing twice is harmless. */
export async function commitReservation(ctx: InventoryContext, id: string): Promise<MutationOutcome<Reservation>> {
  return runMutation(ctx, async ({ em }) => {
    const reservation = await lockReservation(em, id);
    if (reservation.status === ReservationStatus.COMMITTED) return reservation;
    if (reservation.status !== ReservationStatus.PENDING) throw notPending(reservation);
    if (reservation.expiresAt <= new Date()) {
      throw new UserErrorsException([
        new UserError(['id'], 'The reservation expired before it was committed', InventoryErrorCode.RESERVATION_EXPIRED),
      ]);
    }
    await applyStockChanges(
      em,
      reservation.lines.map((line) => ({
        ...line,
        onHand: -line.quantity,
        reserved: -line.quantity,
        reason: StockMovementReason.SALE,
        guard: 'none' as const,
        channel: reservation.channel,
        reference: reservation.reference ?? `reservation:${reservation.id}`,
      })),
    );
    reservation.status = ReservationStatus.COMMITTED;
    await em.flush();
    return reservation;
  });
}

/** Gives the held units back. Releasing twice is harmless; a committed one cannot be released. */
export async function releaseReservation(ctx: InventoryContext, id: string): Promise<MutationOutcome<Reservation>> {
  return runMutation(ctx, async ({ em }) => {
    const reservation = await lockReservation(em, id);
    if (reservation.status === ReservationStatus.RELEASED || reservation.status === ReservationStatus.EXPIRED) return reservation;
    if (reservation.status !== ReservationStatus.PENDING) throw notPending(reservation);
    await releaseLines(em, reservation, ReservationStatus.RELEASED);
    await em.flush();
    return reservation;
  });
}

/** Releases the stock a reservation holds and marks it released or expired. */
export async function releaseLines(em: EntityManager, reservation: Reservation, status: ReservationStatus): Promise<void> {
  await applyStockChanges(
    em,
    reservation.lines.map((line) => ({
      ...line,
      reserved: -line.quantity,
      reason: StockMovementReason.RELEASE,
      guard: 'none' as const,
      channel: reservation.channel,
      reference: reservation.reference ?? `reservation:${reservation.id}`,
    })),
  );
  reservation.status = status;
}

async function lockReservation(em: EntityManager, idOrKey: string): Promise<Reservation> {
  const where = isUuid(idOrKey) ? { $or: [{ id: idOrKey }, { key: idOrKey }] } : { key: idOrKey };
  const reservation = await em.findOne(Reservation, where, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!reservation) throw new UserErrorsException([new UserError(['id'], `No reservation "${idOrKey}"`, InventoryErrorCode.NOT_FOUND)]);
  return reservation;
}

function notPending(reservation: Reservation): UserErrorsException {
  return new UserErrorsException([
    new UserError(
      ['id'],
      `The reservation is ${reservation.status.toLowerCase()}, not pending`,
      InventoryErrorCode.RESERVATION_NOT_PENDING,
    ),
  ]);
}
