import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { Address } from '#platform/graphql';
import { SCHEMA } from '../constants';
import { InventoryItem, Location, LocationType, StockMovementReason } from '../entities';
import { applyStockChanges, type StockChange } from '../services/stock-ledger';

const address = (address1: string, city: string, postalCode: string, phone: string | null = null): Address =>
  Object.assign(new Address(), { address1, address2: null, city, province: null, postalCode, countryCode: 'DE', phone });

/** The demo shop's places: two stores customers walk into, a warehouse, a marketplace fulfilment centre. */
const DEMO_LOCATIONS = [
  {
    name: 'Velocity Cycles Berlin Mitte',
    type: LocationType.STORE,
    address: address('Torstraße 101', 'Berlin', '10119', '+49301234567'),
    latitude: 52.5291,
    longitude: 13.4017,
    pickupEnabled: true,
    fulfillsOnlineOrders: true,
  },
  {
    name: 'Velocity Cycles Hamburg Altona',
    type: LocationType.STORE,
    address: address('Ottenser Hauptstraße 12', 'Hamburg', '22765', '+49401234567'),
    latitude: 53.5526,
    longitude: 9.9296,
    pickupEnabled: true,
    fulfillsOnlineOrders: true,
  },
  {
    name: 'Central Warehouse Leipzig',
    type: LocationType.WAREHOUSE,
    address: address('Am Lagerplatz 4', 'Leipzig', '04129'),
    latitude: 51.3766,
    longitude: 12.3917,
    pickupEnabled: false,
    fulfillsOnlineOrders: true,
  },
  {
    name: 'MarketHub Fulfilment Erfurt',
    type: LocationType.FULFILLMENT_CENTER,
    address: address('Logistikring 9', 'Erfurt', '99099'),
    latitude: 50.9595,
    longitude: 11.0947,
    pickupEnabled: false,
    fulfillsOnlineOrders: true,
  },
];

const SUPPLIERS = ['Velo Parts Distribution GmbH', 'Nordic Bike Supply AB', 'Alpine Components Srl'];

/** A stable pseudo-random number in [0, n) for a key, so every seed gives the same shop. */
function pick(key: string, n: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % n;
}

/**
 * Seeds locations and opening stock for the given SKUs, every unit entered through the stock
 * ledger (RECEIVED "opening stock") so the ledger sums to onHand from the first day. About one
 * level in eight sits at or below its low-stock threshold. Does nothing if locations exist.
 */
export async function seedDemoStock(em: EntityManager, skus: string[]): Promise<{ locations: number; levels: number } | null> {
  return em.transactional(async (tx) => {
    if (await tx.count(Location, {})) return null;
    const locations = DEMO_LOCATIONS.map((data) => Object.assign(new Location(), data));
    tx.persist(locations);
    for (const sku of skus)
      tx.persist(
        Object.assign(new InventoryItem(), {
          sku,
          supplier: SUPPLIERS[pick(sku, SUPPLIERS.length)],
          caseSize: [1, 1, 2, 5][pick(`${sku}#case`, 4)],
        }),
      );
    await tx.flush();

    const changes: StockChange[] = [];
    const thresholds: [string, string, number][] = [];
    for (const sku of skus) {
      for (const location of locations) {
        const key = `${sku}@${location.name}`;
        const isWarehouse = location.type !== LocationType.STORE;
        const threshold = isWarehouse ? 10 : 3;
        const low = pick(`${key}#low`, 8) === 0;
        const quantity = low ? pick(`${key}#q`, threshold + 1) : threshold + 1 + pick(`${key}#q`, isWarehouse ? 60 : 15);
        thresholds.push([sku, location.id, threshold]);
        if (quantity > 0) {
          changes.push({
            sku,
            locationId: location.id,
            onHand: quantity,
            reason: StockMovementReason.RECEIVED,
            guard: 'none',
            reference: 'opening-stock',
            actor: 'seed',
          });
        }
      }
    }
    await applyStockChanges(tx, changes);
    await sql(
      tx,
      `insert into ${SCHEMA}.inventory_level (id, sku, location_id, low_stock_threshold, updated_at)
       select gen_random_uuid(), t.sku, t.location_id, t.threshold, now() from unnest(?::text[], ?::uuid[], ?::int[]) as t(sku, location_id, threshold)
       on conflict (sku, location_id) do update set low_stock_threshold = excluded.low_stock_threshold`,
      [thresholds.map((t) => t[0]), thresholds.map((t) => t[1]), thresholds.map((t) => t[2])],
    );
    return { locations: locations.length, levels: thresholds.length };
  });
}
