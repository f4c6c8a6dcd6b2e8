import { Role } from '#platform/auth';
import { createLogger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { createInventoryServer } from '../../subgraphs/inventory/src/server';
import { seedDemoStock } from '../../subgraphs/inventory/src/seed/seed-demo-stock';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { forgetDefaultCaller, setDefaultCaller } from './graphql-client';
import { startProducts, type ProductsHarness } from './products';
import { bearer, TEST_JWT_SECRET_TEXT } from './tokens';
import { dbId } from './ids';

export interface InventoryHarness {
  products: ProductsHarness;
  server: SubgraphServer;
  /** The inventory subgraph's GraphQL endpoint. */
  url: string;
  close(): Promise<void>;
}

/**
 * The products subgraph (demo catalog seeded) and the inventory subgraph on one fresh
 * database, each on a free port; inventory checks SKUs against that products subgraph. Requests
 * go out as an admin unless a test says otherwise.
 */
export async function startInventory(options: { reservationSweepMs?: number; jwtSecret?: string } = {}): Promise<InventoryHarness> {
  const products = await startProducts({ seed: true, jwtSecret: options.jwtSecret });
  const jwtSecret = new TextEncoder().encode(options.jwtSecret ?? TEST_JWT_SECRET_TEXT);
  const server = await createInventoryServer({
    databaseUrl: products.db.url,
    productsUrl: products.url,
    logger: createLogger('inventory-test', 'silent'),
    reservationSweepMs: options.reservationSweepMs ?? 0,
    poolMax: 20,
    jwtSecret,
  });
  const base = await server.listen(0);
  setDefaultCaller(`${base}/graphql`, await bearer(Role.ADMIN, {}, jwtSecret));
  return {
    products,
    server,
    url: `${base}/graphql`,
    close: async () => {
      forgetDefaultCaller(`${base}/graphql`);
      await server.close();
      await products.close();
    },
  };
}

/** Rows of a table in the inventory schema, for asserting what was (not) written. */
export async function inventoryRows(harness: InventoryHarness, table: string): Promise<number> {
  const row = await harness.server.orm.em.getConnection().getKnex()(`inventory.${table}`).count({ n: '*' }).first();
  return Number(row?.n);
}

/** Seeds the demo shop's four locations and opening stock; returns the locations by name. */
export async function seedStock(harness: InventoryHarness): Promise<Record<string, string>> {
  await seedDemoStock(harness.server.orm.em.fork(), demoSkus());
  const rows = await harness.server.orm.em.getConnection().getKnex()('inventory.location').select('id', 'name');
  return Object.fromEntries(rows.map((r: { id: string; name: string }) => [r.name, r.id]));
}

/** onHand, reserved and version of one level, read straight from the table. */
export async function levelOf(harness: InventoryHarness, sku: string, locationId: string) {
  const row = await harness.server.orm.em
    .getConnection()
    .getKnex()('inventory.inventory_level')
    .where({ sku, location_id: dbId(locationId) })
    .first();
  return row
    ? {
        onHand: row.on_hand as number,
        reserved: row.reserved as number,
        available: row.on_hand - row.reserved,
        version: row.version as number,
        needsReconciliation: row.needs_reconciliation as boolean,
      }
    : null;
}

/** Per level, whether the ledger's onHand and reserved deltas sum to the level: the invariant. */
export async function ledgerMismatches(harness: InventoryHarness): Promise<unknown[]> {
  const result = await harness.server.orm.em.getConnection().getKnex().raw(`
    select l.sku, l.location_id, l.on_hand, l.reserved, coalesce(sum(m.quantity), 0) as moved, coalesce(sum(m.reserved_delta), 0) as held
    from inventory.inventory_level l left join inventory.stock_movement m on m.sku = l.sku and m.location_id = l.location_id
    group by l.sku, l.location_id, l.on_hand, l.reserved
    having l.on_hand <> coalesce(sum(m.quantity), 0) or l.reserved <> coalesce(sum(m.reserved_delta), 0)`);
  return result.rows;
}
