import { Role } from '#platform/auth';
import { createLogger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { freePort } from '../../../scripts/lib/free-port';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../../test/support/products';
import { asAdmin, bearer, TEST_JWT_SECRET, type AuthHeaders } from '../../../test/support/tokens';
import { generateCatalog } from '../../products/src/seed/generate-catalog';
import { createInventoryServer } from '../src/server';
import { ADJUST_STOCK } from '../../../test/support/documents';

/**
 * A SKU stocked for the first time is checked against the products subgraph. That check waits
 * on the network, so it runs before the mutation's transaction: a transaction holds one pooled
 * connection and asks for nothing else. When the check ran inside the transaction (reading
 * through the request's second connection, then calling products), twelve concurrent
 * adjustments with a pool of ten held every connection while each waited for another one.
 */
let products: ProductsHarness;
let inventory: { server: SubgraphServer; url: string };
let storeId: string;
let staff: AuthHeaders;
/** Catalog SKUs nobody has stocked yet: the first 100 for the burst, the next 100 while products is down. */
let skus: string[];

const ADJUST = ADJUST_STOCK;

/** An inventory server as `npm start` makes one: the default pool of 10 and the real catalog client. */
async function startInventoryServer(productsUrl: string): Promise<{ server: SubgraphServer; url: string }> {
  const server = await createInventoryServer({
    databaseUrl: products.db.url,
    productsUrl,
    logger: createLogger('inventory-test', 'silent'),
    jwtSecret: TEST_JWT_SECRET,
    reservationSweepMs: 0,
  });
  return { server, url: `${await server.listen(0)}/graphql` };
}

async function rows(table: string): Promise<number> {
  const row = await inventory.server.orm.em.getConnection().getKnex()(`inventory.${table}`).count({ n: '*' }).first();
  return Number(row?.n);
}

const writes = async () => ({
  levels: await rows('inventory_level'),
  movements: await rows('stock_movement'),
  events: await rows('outbox_event'),
});

/** Adjusts `sku` up by 3 as the store's staff. */
async function adjust(url: string, sku: string) {
  const response = await gql(url, ADJUST, { input: { sku, locationId: storeId, delta: 3, reason: 'RECEIVED' } }, staff);
  return { sku, response };
}

beforeAll(async () => {
  products = await startProducts();
  await generateCatalog(products.server.orm.em.fork(), 100, { currency: 'EUR', runId: 'pool' });
  const variants: { sku: string }[] = await products.server.orm.em
    .getConnection()
    .getKnex()('products.product_variant')
    .select('sku')
    .orderBy('sku')
    .limit(200);
  skus = variants.map((v) => v.sku);
  expect(skus).toHaveLength(200);
  inventory = await startInventoryServer(products.url);
  const { locationCreate } = await gqlData(
    inventory.url,
    `mutation($input: LocationCreateInput!) { locationCreate(input: $input) { location { id } userErrors { code } } }`,
    { input: { name: 'Pool Street Store', type: 'STORE', address: { address1: '1 Pool Street', city: 'Utrecht', countryCode: 'NL' } } },
    await asAdmin(),
  );
  storeId = locationCreate.location.id;
  staff = await bearer(Role.STAFF, { locationId: storeId });
});

afterAll(async () => {
  await inventory?.server.close();
  await products?.close();
});

it('answers 100 concurrent first adjustments of 100 SKUs with a pool of 10, each with its level and none past its deadline', async () => {
  const results = await Promise.all(skus.slice(0, 100).map((sku) => adjust(inventory.url, sku)));

  // No error at all: a request past its deadline (or stuck waiting for a connection) would have
  // answered DEADLINE_EXCEEDED and rolled back, so success here is "within the deadline".
  expect(results.filter((r) => r.response.errors).map((r) => ({ sku: r.sku, errors: r.response.errors }))).toEqual([]);
  for (const { sku, response } of results) {
    expect(response.data?.inventoryAdjust).toMatchObject({ inventoryLevel: { sku, onHand: 3, version: 1 }, userErrors: [] });
  }
  expect(await rows('stock_movement')).toBe(100);

  // The catalog was really asked: a SKU it does not know is refused.
  const unknown = await adjust(inventory.url, 'NO-SUCH-SKU');
  expect(unknown.response.data?.inventoryAdjust.userErrors).toEqual([
    expect.objectContaining({ field: ['input', 'sku'], code: 'UNKNOWN_SKU' }),
  ]);
});

it('answers SUBGRAPH_UNAVAILABLE to every adjustment while products cannot be reached, and writes nothing', async () => {
  const cutOff = await startInventoryServer(`http://127.0.0.1:${await freePort()}/graphql`);
  try {
    const before = await writes();
    const results = await Promise.all(skus.slice(100).map((sku) => adjust(cutOff.url, sku)));
    for (const { response } of results) {
      expect(response.data?.inventoryAdjust ?? null).toBeNull();
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    }
    expect(await writes()).toEqual(before);
  } finally {
    await cutOff.server.close();
  }
});
