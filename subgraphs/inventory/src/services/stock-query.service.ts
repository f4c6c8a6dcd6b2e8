import { isUuid, sql } from '#platform/db';
import {
  keysetAfter,
  MAX_PAGE_SIZE,
  pageRequest,
  readOrder,
  toConnection,
  type ConnectionArgs,
  type ConnectionShape,
  type SalesChannel,
} from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import type { InventoryContext } from '../context';
import { InventoryLevel, StockMovement, type StockMovementReason } from '../entities';
import type { InventorySummary, StoreAvailability } from '../types/stock.types';
import { byDistance } from '../rules/geo';

/** Levels by SKU then location; optionally one location's, or only those at or below their threshold. */
export async function listLevels(
  ctx: InventoryContext,
  args: ConnectionArgs & {
    locationId?: string | null;
    sku?: string | null;
    skus?: string[] | null;
    locationIds?: string[] | null;
    lowStockOnly?: boolean | null;
  },
): Promise<ConnectionShape<InventoryLevel>> {
  const page = pageRequest(args, { backward: true });
  const order = readOrder(page, 'asc');
  const locationIds = [...(args.locationId ? [args.locationId] : []), ...(args.locationIds ?? [])];
  const skus = [...(args.sku ? [args.sku] : []), ...(args.skus ?? [])];
  const validLocations = locationIds.filter(isUuid);
  if (locationIds.length && !validLocations.length) return toConnection([], page, () => []);
  const qb = ctx.em.createQueryBuilder(InventoryLevel, 'l').select('*').orderBy({ sku: order, locationId: order }).limit(page.limit);
  if (validLocations.length) qb.andWhere({ locationId: { $in: validLocations } });
  if (skus.length) qb.andWhere({ sku: { $in: skus } });
  if (args.lowStockOnly) qb.andWhere('l.low_stock_threshold is not null and l.on_hand - l.reserved <= l.low_stock_threshold');
  const after = keysetAfter(page, ['text', 'uuid']);
  if (after) qb.andWhere(`(l.sku, l.location_id) ${order === 'asc' ? '>' : '<'} (?, ?)`, after);
  return toConnection(await qb.getResultList(), page, (l) => [l.sku, l.locationId]);
}

/**
 * What changed after the versions a client last saw, oldest first per level: how live stock
 * resumes after a dropped connection. The ledger keeps every version, so nothing is lost.
 */
export async function changesSince(
  ctx: InventoryContext,
  since: { sku: string; locationId: string; version: number }[],
  first: number,
): Promise<StockMovement[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badUserInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  const cursors = since.filter((c) => isUuid(c.locationId));
  if (cursors.length === 0) return [];
  const rows = await sql(
    ctx.em,
    `select m.* from inventory.stock_movement m
     join unnest(?::text[], ?::uuid[], ?::int[]) as c(sku, location_id, version)
       on m.sku = c.sku and m.location_id = c.location_id and m.version > c.version
     order by m.sku, m.location_id, m.version limit ?`,
    [cursors.map((c) => c.sku), cursors.map((c) => c.locationId), cursors.map((c) => c.version), first],
  );
  return rows.map((row) => ctx.em.map(StockMovement, row));
}

/** The largest id a movement can have (PostgreSQL's bigint). */
const MAX_MOVEMENT_ID = 9_223_372_036_854_775_807n;

/** The ledger, newest first: when, why and through which channel each unit moved. */
export async function listMovements(
  ctx: InventoryContext,
  args: ConnectionArgs & {
    sku?: string | null;
    locationId?: string | null;
    reason?: StockMovementReason | null;
    channel?: SalesChannel | null;
  },
): Promise<ConnectionShape<StockMovement>> {
  const page = pageRequest(args, { backward: true });
  const order = readOrder(page, 'desc');
  if (args.locationId && !isUuid(args.locationId)) return toConnection([], page, () => []);
  const where: Record<string, unknown> = {};
  if (args.sku) where.sku = args.sku;
  if (args.locationId) where.locationId = args.locationId;
  if (args.reason) where.reason = args.reason;
  if (args.channel) where.channel = args.channel;
  if (page.after) {
    const [id] = page.after;
    const argument = page.backward ? 'before' : 'after';
    // A movement id is a bigint: a longer run of digits is a forged cursor, not one past the end.
    if (typeof id !== 'string' || !/^\d{1,19}$/.test(id) || BigInt(id) > MAX_MOVEMENT_ID) {
      throw badUserInput(`"${argument}" is not a cursor of this list`, argument);
    }
    where.id = order === 'desc' ? { $lt: id } : { $gt: id };
  }
  const rows = await ctx.em.find(StockMovement, where, { orderBy: { id: order }, limit: page.limit });
  return toConnection(rows, page, (m) => [m.id]);
}

/** A level by the key its id carries, `<locationId>:<sku>`; null when there is none. */
export async function findLevel(ctx: InventoryContext, key: string): Promise<InventoryLevel | null> {
  const colon = key.indexOf(':');
  if (colon <= 0) return null;
  const [locationId, sku] = [key.slice(0, colon), key.slice(colon + 1)];
  const levels = await ctx.loaders.levelsBySku.load(sku);
  return levels.find((level) => level.locationId === locationId) ?? null;
}

export async function variantSummary(ctx: InventoryContext, sku: string): Promise<InventorySummary> {
  const levels = await ctx.loaders.levelsBySku.load(sku);
  return summarise(sku, levels);
}

export function summarise(sku: string, levels: InventoryLevel[]): InventorySummary {
  const sum = (pick: (l: InventoryLevel) => number) => levels.reduce((total, l) => total + pick(l), 0);
  return {
    sku,
    onHand: sum((l) => l.onHand),
    reserved: sum((l) => l.reserved),
    available: sum((l) => Math.max(0, l.onHand - l.reserved)),
    incoming: sum((l) => l.incoming),
    levels,
  };
}

/** Whether any location that sells to customers (online fulfilment or pickup) has a unit of the SKUs to sell. */
export async function isAvailableForSale(ctx: InventoryContext, skus: string[]): Promise<boolean> {
  const stock = await ctx.loaders.sellableBySku.loadMany(skus);
  return stock.some((list) => !(list instanceof Error) && list.some((s) => s.sellsToCustomers && s.available > 0));
}

/** Units available to sell across all locations, for a product's variants. */
export async function totalAvailable(ctx: InventoryContext, skus: string[]): Promise<number> {
  const stock = await ctx.loaders.sellableBySku.loadMany(skus);
  return stock.flatMap((list) => (list instanceof Error ? [] : list)).reduce((total, s) => total + Math.max(0, s.available), 0);
}

/**
 * Locations where the variant can be picked up now, nearest first when a point is given.
 * Batched: all SKUs' levels come from one query, all locations from another.
 */
export async function storeAvailability(
  ctx: InventoryContext,
  sku: string,
  args: { near?: { latitude: number; longitude: number } | null; first?: number | null; pickupOnly?: boolean | null },
): Promise<StoreAvailability[]> {
  const first = args.first ?? 10;
  if (!Number.isInteger(first) || first < 0 || first > 250) throw badUserInput('"first" must be between 0 and 250', 'first');
  const [stock, locations] = await Promise.all([ctx.loaders.sellableBySku.load(sku), ctx.loaders.allLocations.load('all')]);
  const availableAt = new Map(stock.map((s) => [s.locationId, s.available]));
  const eligible = locations.filter((l) => (availableAt.get(l.id) ?? 0) > 0 && (args.pickupOnly === false || l.pickupEnabled));
  return byDistance(eligible, args.near)
    .slice(0, first)
    .map(({ location, distanceKm }) => ({
      sku,
      location,
      available: availableAt.get(location.id) ?? 0,
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    }));
}
