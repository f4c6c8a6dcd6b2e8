import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import { Location, type ReservationLine } from '../entities';
import { chooseLocations, type AllocationRequest } from '../rules/allocation';
import { byDistance } from '../rules/geo';

/**
 * Chooses where to hold stock when the caller did not, among locations that fulfil online
 * orders, nearest first (rules/allocation.ts). Reads availability without locks: the guarded
 * update that follows has the last word.
 */
export async function allocate(em: EntityManager, request: AllocationRequest): Promise<ReservationLine[] | null> {
  const candidates = byDistance(await em.find(Location, { fulfillsOnlineOrders: true }), request.near).map((c) => c.location);
  const rows = await sql<{ sku: string; location_id: string; available: number }>(
    em,
    `select sku, location_id, on_hand - reserved as available from ${SCHEMA}.inventory_level where sku = any(?) and on_hand - reserved > 0`,
    [request.lines.map((l) => l.sku)],
  );
  const available = new Map(rows.map((r) => [`${r.sku}@${r.location_id}`, Number(r.available)]));
  return chooseLocations(request, candidates, (sku, locationId) => available.get(`${sku}@${locationId}`) ?? 0);
}
