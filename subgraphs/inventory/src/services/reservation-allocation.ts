import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import { Location, type ReservationLine } from '../entities';
import { byDistance } from './geo';

export interface AllocationRequest {
  lines: { sku: string; quantity: number }[];
  near?: { latitude: number; longitude: number } | null;
  allowSplit: boolean;
}

/**
 * Chooses where to hold stock when the caller did not: the nearest location that fulfils
 * online orders and has every line; failing that (and if allowed), each line from the nearest
 * locations that have it, as few as the quantities need. Returns null when there is not enough
 * anywhere. Reads availability without locks: the guarded update that follows has the last word.
 */
export async function allocate(em: EntityManager, request: AllocationRequest): Promise<ReservationLine[] | null> {
  const candidates = byDistance(await em.find(Location, { fulfillsOnlineOrders: true }), request.near).map((c) => c.location);
  const rows = await sql<{ sku: string; location_id: string; available: number }>(
    em,
    `select sku, location_id, on_hand - reserved as available from ${SCHEMA}.inventory_level where sku = any(?) and on_hand - reserved > 0`,
    [request.lines.map((l) => l.sku)],
  );
  const available = new Map(rows.map((r) => [`${r.sku}@${r.location_id}`, Number(r.available)]));
  const at = (sku: string, locationId: string) => available.get(`${sku}@${locationId}`) ?? 0;

  const whole = candidates.find((location) => request.lines.every((line) => at(line.sku, location.id) >= line.quantity));
  if (whole) return request.lines.map((line) => ({ sku: line.sku, locationId: whole.id, quantity: line.quantity }));
  if (!request.allowSplit) return null;

  const allocation: ReservationLine[] = [];
  for (const line of request.lines) {
    let remaining = line.quantity;
    for (const location of candidates) {
      const take = Math.min(remaining, at(line.sku, location.id));
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
