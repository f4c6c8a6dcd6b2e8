import { Client } from 'pg';
import { EVENTS_CHANNEL } from '#platform/events';
import { startGateway, type GatewayHarness } from '../../../test/support/gateway';
import { gqlData } from '../../../test/support/graphql-client';
import { seedStock, startInventory, type InventoryHarness } from '../../../test/support/inventory';
import { countStatements } from '../../../test/support/products';
import { generateCatalog } from '../../products/src/seed/generate-catalog';

/** Stock joined onto the catalog through the gateway, as a storefront queries it. */
let inv: InventoryHarness;
let gateway: GatewayHarness;
let loc: Record<string, string>;

beforeAll(async () => {
  inv = await startInventory();
  loc = await seedStock(inv);
  // The statement counts are measured on pages past the storefront's cost limit.
  gateway = await startGateway({ products: inv.products.url, inventory: inv.url }, { limits: { maxCost: 10_000 } });
});
afterAll(async () => {
  await gateway.close();
  await inv.close();
});

const STOREFRONT = `query($first: Int, $near: CoordinatesInput) { products(first: $first) { nodes {
  title totalInventory availableForSale
  variants(first: 10) { nodes { sku availableForSale
    inventory { onHand available levels { available location { name } } }
    storeAvailability(near: $near, first: 3) { available distanceKm location { name } } } } } } }`;

it('answers stock for 10 and for 100 variants with the same number of statements in each subgraph', async () => {
  const run = async (first: number) => {
    let products = 0;
    const inventory = await countStatements(inv.server, async () => {
      products = await countStatements(inv.products.server, () =>
        gqlData(gateway.url, STOREFRONT, { first, near: { latitude: 52.5, longitude: 13.4 } }),
      );
    });
    return { products, inventory };
  };
  const small = await run(3);
  const large = await run(40);
  const listed = await gqlData(gateway.url, STOREFRONT, { first: 40 });
  expect(listed.products.nodes.flatMap((p: { variants: { nodes: unknown[] } }) => p.variants.nodes).length).toBeGreaterThanOrEqual(100);
  expect(large).toEqual(small);
  expect(small.inventory).toBeGreaterThan(0);
  expect(small.products).toBeGreaterThan(0);
});

it('sums a variant over every location, and a product over its variants', async () => {
  const data = await gqlData(
    gateway.url,
    `{ products(first: 1) { nodes { totalInventory variants(first: 100) { nodes { sku inventory { onHand reserved available incoming levels { onHand location { id } } } } } } } }`,
  );
  const product = data.products.nodes[0];
  let total = 0;
  for (const variant of product.variants.nodes) {
    const levels = variant.inventory.levels as { onHand: number; location: { id: string } }[];
    expect(levels).toHaveLength(4);
    expect(variant.inventory.onHand).toBe(levels.reduce((s, l) => s + l.onHand, 0));
    total += variant.inventory.available;
  }
  expect(product.totalInventory).toBe(total);
});

it('lists pickup stores that have the variant, nearest first, with distances', async () => {
  const sku = (await gqlData(gateway.url, `{ products(first: 1) { nodes { variants(first: 1) { nodes { sku } } } } }`)).products.nodes[0]
    .variants.nodes[0].sku;
  const QUERY = `query($sku: String, $near: CoordinatesInput, $pickupOnly: Boolean) { productVariant(sku: $sku) {
    storeAvailability(near: $near, pickupOnly: $pickupOnly, first: 10) { available distanceKm location { id name pickupEnabled } } } }`;
  const nearHamburg = await gqlData(gateway.url, QUERY, { sku, near: { latitude: 53.55, longitude: 9.99 } });
  const stores = nearHamburg.productVariant.storeAvailability as {
    distanceKm: number;
    location: { name: string; pickupEnabled: boolean };
  }[];
  expect(stores.map((s) => s.location.name)).toEqual(['Velocity Cycles Hamburg Altona', 'Velocity Cycles Berlin Mitte']);
  expect(stores[0].distanceKm).toBeLessThan(10);
  expect(stores[1].distanceKm).toBeGreaterThan(200);
  const everywhere = await gqlData(gateway.url, QUERY, { sku, near: { latitude: 53.55, longitude: 9.99 }, pickupOnly: false });
  expect(everywhere.productVariant.storeAvailability).toHaveLength(4);
  const noPoint = await gqlData(gateway.url, QUERY, { sku });
  expect(noPoint.productVariant.storeAvailability.every((s: { distanceKm: number | null }) => s.distanceKm === null)).toBe(true);
});

it('shows no stock and not for sale for a variant nobody stocks', async () => {
  // A catalog product added after stock was seeded (the second generated one is ACTIVE).
  await generateCatalog(inv.products.server.orm.em.fork(), 2, { currency: 'EUR', runId: 'unstocked' });
  const { id } = await inv.products.server.orm.em
    .getConnection()
    .getKnex()('products.product')
    .where({ handle: 'gen-unstocked-2' })
    .first();
  const data = await gqlData(
    gateway.url,
    `query($id: ID) { product(id: $id) { totalInventory availableForSale variants(first: 1) { nodes { availableForSale inventory { onHand levels { onHand } } storeAvailability { available } } } } }`,
    { id },
  );
  expect(data.product).toEqual({
    totalInventory: 0,
    availableForSale: false,
    variants: { nodes: [{ availableForSale: false, inventory: { onHand: 0, levels: [] }, storeAvailability: [] }] },
  });
});

it('keeps internal commands out of the public API', async () => {
  const result = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { inventoryReservationRelease(id: "x") { userErrors { code } } }' }),
  });
  const body = (await result.json()) as { errors?: { extensions?: { code?: string } }[] };
  expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

it('announces a committed change on the event channel and a rolled-back one not at all', async () => {
  const listener = new Client({ connectionString: inv.products.db.url });
  await listener.connect();
  const notes: { events: { topic: string; key: string; version: number }[] }[] = [];
  listener.on('notification', (n) => notes.push(JSON.parse(n.payload ?? '{}')));
  await listener.query(`listen ${EVENTS_CHANNEL}`);
  try {
    const berlin = loc['Velocity Cycles Berlin Mitte'];
    const sku = (await gqlData(inv.url, `{ inventoryLevels(first: 1, locationId: "${berlin}") { nodes { sku version } } }`)).inventoryLevels
      .nodes[0];
    const ADJUST = `mutation($delta: Int!) { inventoryAdjust(input: { sku: "${sku.sku}", locationId: "${berlin}", delta: $delta, reason: CORRECTION }) { userErrors { code } } }`;
    const refused = await gqlData(inv.url, ADJUST, { delta: -1_000_000 });
    expect(refused.inventoryAdjust.userErrors[0].code).toBe('INSUFFICIENT_STOCK');
    await gqlData(inv.url, ADJUST, { delta: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const changed = notes.flatMap((n) => n.events).filter((e) => e.key === `${sku.sku}@${berlin}`);
    expect(changed).toEqual([expect.objectContaining({ topic: 'inventory.level.changed', version: sku.version + 1 })]);
  } finally {
    await listener.end();
  }
});
