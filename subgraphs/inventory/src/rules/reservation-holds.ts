import { ReservationStatus } from '../entities/stock-enums';

/** Units of one SKU at one location, as a reservation keeps them. */
export interface PlacedLine {
  sku: string;
  locationId: string;
  quantity: number;
}

/** A line asked for that the hold cannot cover at that location. */
export interface ShortLine {
  index: number;
  sku: string;
  held: number;
  requested: number;
}

/** What a reservation's stock looks like for the rules below. */
export interface HoldState {
  status: ReservationStatus;
  lines: PlacedLine[];
  fulfilled: PlacedLine[];
  inTransit: { quantity: number }[];
}

/**
 * Takes units out of what is held at `locationId`: the lines left (zero lines dropped), or every
 * requested line the hold cannot cover, so nothing is taken unless all of it can be.
 */
export function takeFromHold(
  held: readonly PlacedLine[],
  locationId: string,
  requested: readonly { sku: string; quantity: number }[],
): { ok: true; left: PlacedLine[] } | { ok: false; short: ShortLine[] } {
  const heldHere = (sku: string) => held.find((line) => line.sku === sku && line.locationId === locationId)?.quantity ?? 0;
  const short = requested.flatMap((line, index) =>
    line.quantity > heldHere(line.sku) ? [{ index, sku: line.sku, held: heldHere(line.sku), requested: line.quantity }] : [],
  );
  if (short.length) return { ok: false, short };
  const taken = new Map(requested.map((line) => [line.sku, line.quantity]));
  const left = held
    .map((line) => (line.locationId === locationId ? { ...line, quantity: line.quantity - (taken.get(line.sku) ?? 0) } : line))
    .filter((line) => line.quantity > 0);
  return { ok: true, left };
}

/** Adds units at `locationId` to a list of placed lines, one line per SKU and location. */
export function addToHold(
  lines: readonly PlacedLine[],
  locationId: string,
  added: readonly { sku: string; quantity: number }[],
): PlacedLine[] {
  const result = lines.map((line) => ({ ...line }));
  for (const line of added) {
    if (line.quantity <= 0) continue;
    const existing = result.find((l) => l.sku === line.sku && l.locationId === locationId);
    if (existing) existing.quantity += line.quantity;
    else result.push({ sku: line.sku, locationId, quantity: line.quantity });
  }
  return result;
}

/** Placed lines merged by SKU and location, in first-seen order. */
export function mergeLines(lines: readonly PlacedLine[]): PlacedLine[] {
  return lines.reduce<PlacedLine[]>((merged, line) => addToHold(merged, line.locationId, [line]), []);
}

/** Holds that may still change: a checkout's (PENDING) or a placed order's (CONFIRMED). */
export function isOpen(status: ReservationStatus): boolean {
  return status === ReservationStatus.PENDING || status === ReservationStatus.CONFIRMED;
}

/**
 * The status once nothing is held or on the way: COMMITTED when any unit was sold, else
 * RELEASED. While something is still held or in transit, the status stays.
 */
export function settledStatus(hold: HoldState): ReservationStatus {
  if (hold.lines.length > 0 || hold.inTransit.some((line) => line.quantity > 0)) return hold.status;
  return hold.fulfilled.length > 0 ? ReservationStatus.COMMITTED : ReservationStatus.RELEASED;
}
