import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import type { AvailabilityLocation, SkuLocationAvailability, StockAvailability } from '../types/availability.types';

/** The most SKUs one availability read may name, as many as a cart may hold. */
export const AVAILABILITY_LOOKUP_LIMIT = 250;

/**
 * Available stock of `skus` at every location, and every location: one statement whatever the
 * number of SKUs (each list built as JSON by PostgreSQL), so a cart of 20 lines costs the orders
 * subgraph one call and inventory one round trip.
 */
export async function stockAvailability(ctx: InventoryContext, skus: readonly string[]): Promise<StockAvailability> {
  const wanted = [...new Set(skus)].slice(0, AVAILABILITY_LOOKUP_LIMIT);
  const [row] = await sql<{ locations: AvailabilityLocation[]; levels: SkuLocationAvailability[] }>(
    ctx.em,
    `select coalesce((select json_agg(json_build_object('id', id, 'name', name, 'countryCode', address_country_code,
                        'province', address_province, 'pickupEnabled', pickup_enabled, 'fulfillsOnlineOrders', fulfills_online_orders,
                        'latitude', latitude, 'longitude', longitude, 'fulfillmentRank', fulfillment_rank) order by name)
                       from "${SCHEMA}"."location"), '[]') as locations,
            coalesce((select json_agg(json_build_object('sku', sku, 'locationId', location_id, 'available', on_hand - reserved)
                                      order by sku, location_id)
                        from "${SCHEMA}"."inventory_level" where sku = any(?) and on_hand - reserved > 0), '[]') as levels`,
    [wanted],
  );
  return { locations: row.locations, levels: row.levels };
}
