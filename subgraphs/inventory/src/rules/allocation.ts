import type { ReservationLine } from '../entities';

export interface AllocationRequest {
  lines: { sku: string; quantity: number }[];
  near?: { latitude: number; longitude: number } | null;
  allowSplit: boolean;
}

/**
 * Chooses where to hold stock: the first candidate location (they come nearest first) that has
 * every line; failing that (and if allowed), each line from the first locations that have it, as
 * few as the quantities need. Null when there is not enough anywhere.
 */
export function chooseLocations(
  request: AllocationRequest,
  candidates: readonly { id: string }[],
  availableAt: (sku: string, locationId: string) => number,
): ReservationLine[] | null {
  const whole = candidates.find((location) => request.lines.every((line) => availableAt(line.sku, location.id) >= line.quantity));
  if (whole) return request.lines.map((line) => ({ sku: line.sku, locationId: whole.id, quantity: line.quantity }));
  if (!request.allowSplit) return null;

  const allocation: ReservationLine[] = [];
  for (const line of request.lines) {
    let remaining = line.quantity;
    for (const location of candidates) {
      const take = Math.min(remaining, availableAt(line.sku, location.id));
      if (take > 0) {
        allocation.push({ sku: line.sku, locationId: location.id, quantity: take });
        remaining -= take;
      }
      if (remaining === 0) break;
    }
    if (remaining > 0) return null;
  }
  return allocation;
}
