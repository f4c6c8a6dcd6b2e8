import type { EntityManager } from '@mikro-orm/postgresql';
import { claimIdempotencyKeys, isUuid, runMutation, sql, type MutationOutcome } from '#platform/db';
import type { EventAnnouncement } from '#platform/outbox';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { Reservation, ReservationStatus, StockMovementReason, type ReservationLine } from '../entities';
import { InventoryErrorCode } from '../errors';
import type { InventoryReserveInput } from '../inputs/reservation.input';
import { addToHold, isOpen, mergeLines } from '../rules/reservation-holds';
import { announceCommitted } from './event-announcer';
import { requireLocations } from './location-lookup';
import { allocate } from './reservation-allocation';
import { lockReservation, notPending, requireLive, reservationReference } from './reservation-lock';
import { applyStockChanges, InsufficientStockError, writeStockChanges } from './stock-ledger';

/** Attempts when a concurrent checkout takes the stock the allocation counted on. */
const ALLOCATION_ATTEMPTS = 3;
/** How long stock is held when the caller does not say (the input's default too). */
const DEFAULT_TTL_SECONDS = 900;
/** The idempotency scope of reservations' keys. */
const RESERVE_SCOPE = 'inventoryReserve';

/**
 * Holds stock for a checkout, all lines or none. Idempotent under `key`: a retry gets the
 * same reservation; the same key with other lines is refused. A line may name its location (the
 * caller routed it); the others go to `input.locationId` or where the allocation finds stock.
 */
export async function reserve(ctx: InventoryContext, input: InventoryReserveInput): Promise<MutationOutcome<Reservation>> {
  const errors = await validateInput(input, ['input']);
  const places = input.lines.map((l) => `${l.sku}\u0000${l.locationId ?? input.locationId ?? ''}`);
  if (new Set(places).size !== places.length) {
    errors.push(new UserError(['input', 'lines'], 'List each SKU once per location', InventoryErrorCode.TAKEN));
  }
  if (errors.length) return { ok: false, userErrors: errors };

  // Whether it is a pickup is a check on a new hold, not part of what is held: a replay answers the hold whatever it says.
  const { key, pickup, ...request } = input;
  let announce: EventAnnouncement[] = [];
  const outcome = await runMutation(ctx, async ({ em }) => {
    const [claim] = await claimIdempotencyKeys<{ reservationId: string }>(em, SCHEMA, RESERVE_SCOPE, [{ key, input: request }]);
    if (claim.state === 'mismatch') throw new UserErrorsException([claim.userError]);
    if (claim.state === 'replay') return em.findOneOrFail(Reservation, { id: claim.result.reservationId });
    const named = [
      ...(input.locationId ? [{ id: input.locationId, path: ['input', 'locationId'] }] : []),
      ...input.lines.flatMap((l, i) => (l.locationId ? [{ id: l.locationId, path: ['input', 'lines', String(i), 'locationId'] }] : [])),
    ];
    const locations = await requireLocations(em, named);
    if (pickup) {
      const closed = named.filter(({ id }) => !locations.get(id)?.pickupEnabled);
      if (closed.length)
        throw new UserErrorsException(
          closed.map(
            ({ id, path }) =>
              new UserError(path, `${locations.get(id)?.name ?? id} does not offer pickup`, InventoryErrorCode.PICKUP_NOT_OFFERED),
          ),
        );
    }
    const reservation = Object.assign(new Reservation(), {
      key,
      requestHash: '',
      channel: input.channel ?? null,
      reference: input.reference ?? null,
      expiresAt: new Date(Date.now() + (input.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000),
    });
    let recorded = false;
    announce = await holdStock(em, input, async (lines) => {
      // Everything but the stock itself is written before the level is locked, so the lock is held only for the
      // stock statements and the commit: the reservation and the key's result in one statement.
      reservation.lines = lines;
      if (recorded) {
        await sql(em, `update ${SCHEMA}.reservation set lines = ?::jsonb where id = ?`, [JSON.stringify(lines), reservation.id]);
        return;
      }
      recorded = true;
      await sql(
        em,
        `with reservation as (
           insert into ${SCHEMA}.reservation (id, key, request_hash, status, lines, fulfilled, released, in_transit, channel, reference,
             expires_at, created_at)
           values (?, ?, ?, ?, ?::jsonb, '[]', '[]', '[]', ?, ?, ?, ?)
         )
         update ${SCHEMA}.idempotency_record set result = ?::jsonb where scope = ? and key = ?`,
        [
          reservation.id,
          reservation.key,
          reservation.requestHash,
          reservation.status,
          JSON.stringify(lines),
          reservation.channel,
          reservation.reference,
          reservation.expiresAt,
          reservation.createdAt,
          JSON.stringify({ reservationId: reservation.id }),
          RESERVE_SCOPE,
          key,
        ],
      );
    });
    // Written in SQL, so detached: nothing later in the transaction writes it again.
    return reservation;
  });
  if (outcome.ok) await announceCommitted(ctx.em, announce, (error) => ctx.logger.warn({ err: error }, 'reservation events not announced'));
  return outcome;
}

/**
 * Holds the input's stock, all lines or none, and returns the events to announce. `record` is
 * called with the lines before each attempt takes any level lock.
 */
async function holdStock(
  em: EntityManager,
  input: InventoryReserveInput,
  record: (lines: ReservationLine[]) => Promise<void>,
): Promise<EventAnnouncement[]> {
  const placedAt = (l: { locationId?: string | null }) => l.locationId ?? input.locationId ?? null;
  const placed = input.lines.flatMap((l) => {
    const locationId = placedAt(l);
    return locationId ? [{ sku: l.sku, locationId, quantity: l.quantity }] : [];
  });
  const unplaced = input.lines.filter((l) => !placedAt(l)).map((l) => ({ sku: l.sku, quantity: l.quantity }));
  // Only a request that left every line to the allocation may be allocated again after a lost race.
  const retries = placed.length === 0;
  for (let attempt = 1; ; attempt += 1) {
    const allocated = unplaced.length
      ? await allocate(em, { lines: unplaced, near: input.near, allowSplit: input.allowSplit ?? true })
      : [];
    if (!allocated) throw insufficient(input, null);
    const lines = mergeLines([...placed, ...allocated]);
    await record(lines);
    // A savepoint when another attempt may follow, so a lost race undoes only this attempt's holds.
    const savepoint = retries;
    if (savepoint) await sql(em, 'savepoint hold_stock');
    try {
      const { events } = await writeStockChanges(
        em,
        lines.map((line) => ({
          ...line,
          reserved: line.quantity,
          reason: StockMovementReason.RESERVATION,
          guard: 'available' as const,
          channel: input.channel ?? null,
          reference: input.reference ?? null,
        })),
      );
      return events;
    } catch (error) {
      if (!(error instanceof InsufficientStockError)) throw error;
      if (!retries || attempt >= ALLOCATION_ATTEMPTS) throw insufficient(input, error);
      if (savepoint) await sql(em, 'rollback to savepoint hold_stock');
    }
  }
}

function insufficient(input: InventoryReserveInput, error: InsufficientStockError | null): UserErrorsException {
  const index = error
    ? input.lines.findIndex((l) => l.sku === error.sku && (l.locationId ?? input.locationId ?? error.locationId) === error.locationId)
    : -1;
  const field = index >= 0 ? ['input', 'lines', String(index), 'quantity'] : ['input', 'lines'];
  const message =
    error?.message ?? (input.allowSplit === false ? 'No single location has every line in stock' : 'Not enough stock across all locations');
  return new UserErrorsException([new UserError(field, message, InventoryErrorCode.INSUFFICIENT_STOCK)]);
}

/**
 * Makes a checkout's hold a placed order's: CONFIRMED holds never expire. Confirming twice is
 * harmless; a hold whose time ran out is RESERVATION_EXPIRED, one that is over RESERVATION_NOT_PENDING.
 */
export async function confirmReservation(ctx: InventoryContext, id: string): Promise<MutationOutcome<Reservation>> {
  // The usual case, a live pending hold, is one statement; anything else (confirmed already, over,
  // expired, unknown) is decided under the row lock below. A uuid names the reservation with that
  // id, else the one with that key; any other text a key.
  ctx.deadline.check();
  const byId = isUuid(id);
  const [row] = await sql<Record<string, unknown>>(
    ctx.em,
    `update ${SCHEMA}.reservation set status = ?
     where ${byId ? `id = coalesce((select id from ${SCHEMA}.reservation where id = ?::uuid), (select id from ${SCHEMA}.reservation where key = ?))` : 'key = ?'}
       and status = ? and expires_at > now() returning *`,
    [ReservationStatus.CONFIRMED, ...(byId ? [id, id] : [id]), ReservationStatus.PENDING],
  );
  if (row) return { ok: true, value: ctx.em.map(Reservation, row) };
  return runMutation(ctx, async ({ em }) => {
    const reservation = await lockReservation(em, id);
    if (reservation.status === ReservationStatus.CONFIRMED) return reservation;
    requireLive(reservation);
    reservation.status = ReservationStatus.CONFIRMED;
    await em.flush();
    return reservation;
  });
}

/** Every unit still held leaves stock as sold. Committing twice is harmless. */
export async function commitReservation(ctx: InventoryContext, id: string): Promise<MutationOutcome<Reservation>> {
  return runMutation(ctx, async ({ em }) => {
    const reservation = await lockReservation(em, id);
    if (reservation.status === ReservationStatus.COMMITTED) return reservation;
    requireLive(reservation);
    if (reservation.inTransit.length) {
      throw new UserErrorsException([
        new UserError(['id'], 'Some held units are on a transfer; receive them before committing', InventoryErrorCode.NOT_HELD),
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
        reference: reservationReference(reservation),
      })),
    );
    reservation.fulfilled = reservation.lines.reduce((sold, line) => addToHold(sold, line.locationId, [line]), reservation.fulfilled);
    reservation.lines = [];
    reservation.status = ReservationStatus.COMMITTED;
    await em.flush();
    return reservation;
  });
}

/**
 * Gives every unit still held back (a failed checkout, a cancelled order). Releasing twice is
 * harmless, and so is releasing one whose last units were released after some were sold; one
 * wholly sold cannot be released.
 */
export async function releaseReservation(ctx: InventoryContext, id: string): Promise<MutationOutcome<Reservation>> {
  return runMutation(ctx, async ({ em }) => {
    const reservation = await lockReservation(em, id);
    if (reservation.status === ReservationStatus.RELEASED || reservation.status === ReservationStatus.EXPIRED) return reservation;
    if (reservation.status === ReservationStatus.COMMITTED && reservation.released.length) return reservation;
    if (!isOpen(reservation.status)) throw notPending(reservation);
    await releaseLines(em, reservation, reservation.fulfilled.length ? ReservationStatus.COMMITTED : ReservationStatus.RELEASED);
    await em.flush();
    return reservation;
  });
}

/**
 * Releases all the stock a reservation holds and sets its final status. Units on a transfer stop
 * being the reservation's: they arrive as ordinary stock.
 */
export async function releaseLines(em: EntityManager, reservation: Reservation, status: ReservationStatus): Promise<void> {
  await applyStockChanges(
    em,
    reservation.lines.map((line) => ({
      ...line,
      reserved: -line.quantity,
      reason: StockMovementReason.RELEASE,
      guard: 'none' as const,
      channel: reservation.channel,
      reference: reservationReference(reservation),
    })),
  );
  reservation.released = reservation.lines.reduce((given, line) => addToHold(given, line.locationId, [line]), reservation.released);
  reservation.lines = [];
  reservation.inTransit = [];
  reservation.status = status;
}
