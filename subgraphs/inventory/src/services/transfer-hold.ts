import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Reservation, type InventoryTransfer } from '../entities';
import { addToHold, settledStatus, takeFromHold } from '../rules/reservation-holds';
import { lockReservation, notHeld, requireLive } from './reservation-lock';

/**
 * A transfer that carries a reservation's units (ship to store): they leave the hold at the
 * source when shipped, are the reservation's "in transit" on the way, and are held again at the
 * destination as they are received, so no other order can take them at any point.
 * The transfer is locked before the reservation, everywhere, so the two cannot deadlock.
 */

/** The reservation (by id or key) holds every line at the source now; its id. NOT_HELD otherwise. */
export async function requireHeldForTransfer(
  em: EntityManager,
  reservationId: string,
  fromLocationId: string,
  lines: readonly { sku: string; quantity: number }[],
): Promise<string> {
  const reservation = await lockReservation(em, reservationId, ['input', 'reservationId']);
  requireLive(reservation, ['input', 'reservationId']);
  const taken = takeFromHold(reservation.lines, fromLocationId, lines);
  if (!taken.ok) throw notHeld(taken.short, ['input', 'lines'], 'at the source');
  return reservation.id;
}

/** Takes the transfer's lines out of the hold at the source and records them as in transit. */
export async function takeHoldForShipment(em: EntityManager, transfer: InventoryTransfer): Promise<void> {
  const reservation = await lockReservation(em, transfer.reservationId as string, ['id']);
  requireLive(reservation, ['id']);
  const taken = takeFromHold(reservation.lines, transfer.fromLocationId, transfer.lines);
  if (!taken.ok) throw notHeld(taken.short, ['lines'], 'at the source');
  reservation.lines = taken.left;
  reservation.inTransit = [
    ...reservation.inTransit,
    ...transfer.lines.map((line) => ({
      transferId: transfer.id,
      sku: line.sku,
      fromLocationId: transfer.fromLocationId,
      toLocationId: transfer.toLocationId,
      quantity: line.quantity,
    })),
  ];
}

/**
 * Holds received units at the destination again, as many as the reservation still has on this
 * transfer (none once it was released: they arrive as ordinary stock). Units to reserve per SKU.
 */
export async function holdOnReceipt(
  em: EntityManager,
  transfer: InventoryTransfer,
  received: readonly { sku: string; quantity: number }[],
): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  const reservation = await lockCarried(em, transfer);
  if (!reservation) return held;
  const inTransit = reservation.inTransit.map((line) => ({ ...line }));
  for (const line of received) {
    const onTheWay = inTransit.find((t) => t.transferId === transfer.id && t.sku === line.sku);
    const quantity = Math.min(line.quantity, onTheWay?.quantity ?? 0);
    if (!onTheWay || quantity <= 0) continue;
    onTheWay.quantity -= quantity;
    held.set(line.sku, quantity);
  }
  reservation.inTransit = inTransit.filter((line) => line.quantity > 0);
  reservation.lines = addToHold(
    reservation.lines,
    transfer.toLocationId,
    [...held].map(([sku, quantity]) => ({ sku, quantity })),
  );
  return held;
}

/** A transfer closed short: what the reservation still had on it was lost on the way. */
export async function dropTransit(em: EntityManager, transfer: InventoryTransfer): Promise<void> {
  const reservation = await lockCarried(em, transfer);
  if (!reservation) return;
  reservation.inTransit = reservation.inTransit.filter((line) => line.transferId !== transfer.id);
  reservation.status = settledStatus(reservation);
}

function lockCarried(em: EntityManager, transfer: InventoryTransfer): Promise<Reservation | null> {
  if (!transfer.reservationId) return Promise.resolve(null);
  return em.findOne(Reservation, { id: transfer.reservationId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
