import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import type { ShippingZone } from '../pricing';
import type { TaxRateRow } from '../cart-pricing';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';

/** Every tax rate and shipping zone with its rates: one small statement, read once per request. */
export function readShopConfig(ctx: OrdersContext): Promise<ShopConfig> {
  ctx.pricing.config ??= loadShopConfig(ctx.em);
  return ctx.pricing.config;
}

/** The same, read with `em` (scripts that run outside a request). */
export async function loadShopConfig(em: EntityManager): Promise<ShopConfig> {
  const [row] = await sql<ShopConfigColumns>(em, `select ${SHOP_CONFIG_COLUMNS}`);
  return shopConfigFrom(row);
}

export interface ShopConfig {
  taxRates: TaxRateRow[];
  zones: ShippingZone[];
}

/** What `SHOP_CONFIG_COLUMNS` selects. */
export interface ShopConfigColumns {
  taxRates: TaxRateRow[];
  zoneRows: {
    zoneId: string;
    zoneName: string;
    countries: string[];
    id: string | null;
    name: string;
    priceMinor: number | string;
    freeAboveMinor: number | string | null;
    minDays: number;
    maxDays: number;
  }[];
}

/** Every tax rate and every zone's rates as two JSON columns, to select alone or beside what a request reads anyway. */
export const SHOP_CONFIG_COLUMNS = `
  coalesce((select json_agg(json_build_object('countryCode', country_code, 'region', region, 'taxClass', tax_class,
                                              'rateBasisPoints', rate_basis_points, 'name', name)
                            order by country_code, region nulls first, tax_class)
              from "${SCHEMA}"."tax_rate"), '[]') as "taxRates",
  coalesce((select json_agg(json_build_object('zoneId', z.id, 'zoneName', z.name, 'countries', z.countries, 'id', r.id, 'name', r.name,
                                              'priceMinor', r.price_minor, 'freeAboveMinor', r.free_above_minor,
                                              'minDays', r.min_days, 'maxDays', r.max_days)
                            order by z.created_at, z.id, r.position, r.name)
              from "${SCHEMA}"."shipping_zone" z left join "${SCHEMA}"."shipping_rate" r on r.zone_id = z.id), '[]') as "zoneRows"`;

/** The shop's taxes and zones from `SHOP_CONFIG_COLUMNS`. */
export function shopConfigFrom({ taxRates, zoneRows }: ShopConfigColumns): ShopConfig {
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
