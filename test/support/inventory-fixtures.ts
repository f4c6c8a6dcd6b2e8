import { StockMovementReason } from '../../subgraphs/inventory/src/entities';
import { applyStockChanges } from '../../subgraphs/inventory/src/services/stock-ledger';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { gqlData } from './graphql-client';
import { dbId } from './ids';
import { inventoryRows, type InventoryHarness } from './inventory';

/** SKUs the seeded catalog knows, so inventory accepts them. */
export const SKUS = demoSkus();

/** A location created through the public API. */
export async function createLocation(harness: InventoryHarness, name: string, type = 'STORE'): Promise<string> {
  const { locationCreate } = await gqlData(
    harness.url,
    `mutation($input: LocationCreateInput!) { locationCreate(input: $input) { location { id } userErrors { field message code } } }`,
    { input: { name, type, address: { address1: '1 Quay Street', city: 'Utrecht', countryCode: 'NL' } } },
  );
  if (locationCreate.userErrors.length) throw new Error(`locationCreate: ${JSON.stringify(locationCreate.userErrors)}`);
  return locationCreate.location.id;
}

/** Puts units on hand (a CORRECTION through the ledger), as a stock count would; optionally holds some. */
export async function addStock(
  harness: InventoryHarness,
  sku: string,
  locationId: string,
  onHand: number,
  options: { reserved?: number } = {},
): Promise<void> {
  const reserved = options.reserved ?? 0;
  locationId = dbId(locationId);
  await harness.server.orm.em.fork().transactional(async (tx) => {
    // Two calls: the ledger orders one call's changes by (sku, location), which ties here.
    await applyStockChanges(tx, [
      { sku, locationId, onHand, reason: StockMovementReason.CORRECTION, guard: 'none', reference: 'test-fixture' },
    ]);
    if (reserved)
      await applyStockChanges(tx, [
        { sku, locationId, reserved, reason: StockMovementReason.RESERVATION, guard: 'available', reference: 'test-fixture' },
      ]);
  });
}

/** Sets a level to exactly `onHand` units with nothing reserved, through a stock count (the public API). */
export async function setStock(harness: InventoryHarness, sku: string, locationId: string, onHand: number): Promise<void> {
  const { inventoryCount } = await gqlData(
    harness.url,
    `mutation($input: InventoryCountInput!) { inventoryCount(input: $input) { userErrors { code } } }`,
    { input: { locationId, counts: [{ sku, counted: onHand }] } },
  );
  if (inventoryCount.userErrors.length) throw new Error(`inventoryCount: ${JSON.stringify(inventoryCount.userErrors)}`);
}

/** Sets a level's low-stock threshold through the public API. */
export async function setThreshold(harness: InventoryHarness, sku: string, locationId: string, threshold: number | null): Promise<void> {
  const { lowStockThresholdSet } = await gqlData(
    harness.url,
    `mutation($input: LowStockThresholdInput!) { lowStockThresholdSet(input: $input) { userErrors { field message code } } }`,
    { input: { sku, locationId, threshold } },
  );
  if (lowStockThresholdSet.userErrors.length) throw new Error(`lowStockThresholdSet: ${JSON.stringify(lowStockThresholdSet.userErrors)}`);
}

export interface LevelNumbers {
  onHand: number;
  reserved: number;
  incoming: number;
  available: number;
}

/** The stored level of a SKU at a location; zeros when it has never been stocked. */
export async function levelOf(harness: InventoryHarness, sku: string, locationId: string): Promise<LevelNumbers> {
  const row = await knex(harness)('inventory.inventory_level')
    .where({ sku, location_id: dbId(locationId) })
    .first();
  const onHand = Number(row?.on_hand ?? 0);
  const reserved = Number(row?.reserved ?? 0);
  return { onHand, reserved, incoming: Number(row?.incoming ?? 0), available: onHand - reserved };
}

/**
 * Levels whose ledger does not add up: per (sku, location) the movements' onHand, reserved and
 * incoming deltas must sum to the level. Empty when the ledger is whole.
 */
export async function ledgerMismatches(harness: InventoryHarness): Promise<Record<string, unknown>[]> {
  const { rows } = await knex(harness).raw<{ rows: Record<string, unknown>[] }>(
    `select l.sku, l.location_id, l.on_hand, l.reserved, l.incoming, m.on_hand_sum, m.reserved_sum, m.incoming_sum
       from inventory.inventory_level l
       left join (select sku, location_id, sum(quantity)::int as on_hand_sum, sum(reserved_delta)::int as reserved_sum,
                         sum(incoming_delta)::int as incoming_sum
                    from inventory.stock_movement group by sku, location_id) m
         on m.sku = l.sku and m.location_id = l.location_id
      where l.on_hand <> coalesce(m.on_hand_sum, 0) or l.reserved <> coalesce(m.reserved_sum, 0) or l.incoming <> coalesce(m.incoming_sum, 0)`,
  );
  return rows;
}

/** Movements of a SKU at a location, oldest first. */
export async function movementsOf(harness: InventoryHarness, sku: string, locationId: string) {
  const rows = await knex(harness)('inventory.stock_movement')
    .where({ sku, location_id: dbId(locationId) })
    .orderBy('id');
  return rows.map((r: Record<string, unknown>) => ({
    reason: r.reason as string,
    quantity: Number(r.quantity),
    incomingDelta: Number(r.incoming_delta),
    reference: r.reference as string | null,
  }));
}

/** Row counts of the tables a stock document mutation writes, to prove a refusal wrote nothing. */
export async function writeCounts(harness: InventoryHarness): Promise<Record<string, number>> {
  const tables = [
    'inventory_transfer',
    'purchase_order',
    'inventory_item',
    'inventory_level',
    'stock_movement',
    'outbox_event',
    'idempotency_record',
  ];
  const counts = await Promise.all(tables.map((table) => inventoryRows(harness, table)));
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]]));
}

function knex(harness: InventoryHarness) {
  return harness.server.orm.em.getConnection().getKnex();
}
