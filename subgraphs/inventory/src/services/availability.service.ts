import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import type { AvailabilityLocation, SkuLocationAvailability, StockAvailability } from '../types/availability.types';

/** The most SKUs one availability read may name, as many as a cart may hold. */
export const AVAILABILITY_LOOKUP_LIMIT = 250;

/**
 * Available stock of `skus` at every location, and every location: two statements whatever the
 * number of SKUs, so a cart of 20 lines costs the orders subgraph one call.
 */
export async function stockAvailability(ctx: InventoryContext, skus: readonly string[]): Promise<StockAvailability> {
  const wanted = [...new Set(skus)].slice(0, AVAILABILITY_LOOKUP_LIMIT);
  const [locations, levels] = await Promise.all([
    sql<AvailabilityLocation>(
      ctx.em,
      `select id, name, address_country_code as "countryCode", address_province as "province",
              pickup_enabled as "pickupEnabled", fulfills_online_orders as "fulfillsOnlineOrders",
              latitude, longitude, fulfillment_rank as "fulfillmentRank"
         from "${SCHEMA}"."location" order by name`,
    ),
    wanted.length === 0
      ? Promise.resolve([])
      : sql<SkuLocationAvailability>(
          ctx.em,
          `select sku, location_id as "locationId", on_hand - reserved as available
             from "${SCHEMA}"."inventory_level" where sku = any(?) and on_hand - reserved > 0 order by sku, location_id`,
          [wanted],
        ),
  ]);
  return { locations, levels };
}
