import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import type { ShippingZone } from '../pricing';
import type { TaxRateRow } from '../cart-pricing';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';

/** Every tax rate and shipping zone with its rates: two small statements, read once per request. */
export function readShopConfig(ctx: OrdersContext): Promise<{ taxRates: TaxRateRow[]; zones: ShippingZone[] }> {
  ctx.pricing.config ??= loadShopConfig(ctx.em);
  return ctx.pricing.config;
}

/** The same, read with `em` (scripts that run outside a request). */
export async function loadShopConfig(em: EntityManager): Promise<{ taxRates: TaxRateRow[]; zones: ShippingZone[] }> {
  const [taxRates, zoneRows] = await Promise.all([
    sql<TaxRateRow>(
      em,
      `select country_code as "countryCode", region, tax_class as "taxClass", rate_basis_points as "rateBasisPoints", name
         from "${SCHEMA}"."tax_rate" order by country_code, region nulls first, tax_class`,
    ),
    sql<{
      zoneId: string;
      zoneName: string;
      countries: string[];
      id: string | null;
      name: string;
      priceMinor: string;
      freeAboveMinor: string | null;
      minDays: number;
      maxDays: number;
    }>(
      em,
      `select z.id as "zoneId", z.name as "zoneName", z.countries, r.id, r.name, r.price_minor as "priceMinor",
              r.free_above_minor as "freeAboveMinor", r.min_days as "minDays", r.max_days as "maxDays"
         from "${SCHEMA}"."shipping_zone" z left join "${SCHEMA}"."shipping_rate" r on r.zone_id = z.id
        order by z.created_at, z.id, r.position, r.name`,
    ),
  ]);
  const zones = new Map<string, ShippingZone>();
  for (const row of zoneRows) {
    let zone = zones.get(row.zoneId);
    if (!zone) zones.set(row.zoneId, (zone = { id: row.zoneId, name: row.zoneName, countries: row.countries, rates: [] }));
    if (row.id) {
      zone.rates.push({
        id: row.id,
        name: row.name,
        priceMinor: Number(row.priceMinor),
        freeAboveMinor: row.freeAboveMinor === null ? null : Number(row.freeAboveMinor),
        minDays: row.minDays,
        maxDays: row.maxDays,
      });
    }
  }
  return { taxRates, zones: [...zones.values()] };
}
