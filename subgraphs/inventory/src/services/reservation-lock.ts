import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import { Reservation, ReservationStatus } from '../entities';
import { InventoryErrorCode } from '../errors';
import { isOpen, type ShortLine } from '../rules/reservation-holds';

/** A reservation by id or key, row-locked for the rest of the transaction; NOT_FOUND on `path` otherwise. */
export async function lockReservation(em: EntityManager, idOrKey: string, path: string[] = ['id']): Promise<Reservation> {
  const where = isUuid(idOrKey) ? { $or: [{ id: idOrKey }, { key: idOrKey }] } : { key: idOrKey };
  const reservation = await em.findOne(Reservation, where, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!reservation) throw new UserErrorsException([new UserError(path, `No reservation "${idOrKey}"`, InventoryErrorCode.NOT_FOUND)]);
  return reservation;
}

/** RESERVATION_NOT_PENDING: the hold is over (committed, released or expired). */
export function notPending(reservation: Reservation, path: string[] = ['id']): UserErrorsException {
  return new UserErrorsException([
    new UserError(path, `The reservation is ${reservation.status.toLowerCase()}, not pending`, InventoryErrorCode.RESERVATION_NOT_PENDING),
  ]);
}

/**
 * Refuses a step on a hold that is over, or on a checkout's hold whose time ran out (the sweeper
 * may not have released it yet): only live holds may sell or move units.
 */
export function requireLive(reservation: Reservation, path: string[] = ['id']): void {
  if (!isOpen(reservation.status)) throw notPending(reservation, path);
  if (reservation.status === ReservationStatus.PENDING && reservation.expiresAt <= new Date()) {
    throw new UserErrorsException([new UserError(path, 'The reservation expired', InventoryErrorCode.RESERVATION_EXPIRED)]);
  }
}

/** NOT_HELD on each line the hold cannot cover at the location; nothing moved. */
export function notHeld(short: ShortLine[], linesPath: string[], where: string): UserErrorsException {
  return new UserErrorsException(
    short.map(
      (line) =>
        new UserError(
          [...linesPath, String(line.index), 'quantity'],
          `Line ${line.index + 1} (${line.sku}): ${line.requested} named but the reservation holds ${line.held} ${where}; nothing moved`,
          InventoryErrorCode.NOT_HELD,
        ),
    ),
  );
}

/** The reference a reservation's ledger rows carry: the caller's, or the reservation's own. */
export function reservationReference(reservation: Reservation): string {
  return reservation.reference ?? `reservation:${reservation.id}`;
}
