import { Role } from '#platform/auth';
import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { gql, gqlData } from '../../test/support/graphql-client';
import { ADJUST_STOCK } from '../../test/support/documents';
import { seedStock, startInventory, type InventoryHarness } from '../../test/support/inventory';
import { asAdmin, bearer } from '../../test/support/tokens';

/**
 * The response cache through the real gateway, over the real products and inventory subgraphs
 * and the outboxes of their database: anonymous catalog reads are answered from it, and a price
 * or stock change made through the API is visible in the next anonymous read within a second.
 * What the cache did is read from the gateway's own `/metrics` counters.
 */

let inv: InventoryHarness;
let gateway: GatewayHarness;
let berlin: string;

beforeAll(async () => {
  inv = await startInventory();
  berlin = (await seedStock(inv))['Velocity Cycles Berlin Mitte'];
  gateway = await startGateway({ products: inv.products.url, inventory: inv.url }, { responseCache: { databaseUrl: inv.products.db.url } });
});
afterAll(async () => {
  await gateway?.close();
  await inv?.close();
});

const PAGE = `query ProductPage($handle: String!) { product(handle: $handle) {
  id title totalInventory availableForSale
  variants(first: 10) { nodes { id sku price { amount } availableForSale } } } }`;

interface Page {
  product: {
    id: string;
    title: string;
    totalInventory: number;
    availableForSale: boolean;
    variants: { nodes: { id: string; sku: string; price: { amount: string }; availableForSale: boolean }[] };
  };
}

/** The gateway's response cache counters: hits, misses and answers stored so far. */
async function counters(): Promise<Record<'hit' | 'miss' | 'stored', number>> {
  const text = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
  const read = (outcome: string) =>
    Number(new RegExp(`^gateway_response_cache_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { hit: read('hit'), miss: read('miss'), stored: read('stored') };
}

/** Reads anonymously until `done` holds, for at most a second: what a shopper sees after a change. */
async function readUntil(handle: string, done: (page: Page) => boolean): Promise<Page> {
  const deadline = Date.now() + 1_000;
  for (;;) {
    const page = await gqlData<Page>(gateway.url, PAGE, { handle });
    if (done(page) || Date.now() > deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let handle: string;
beforeAll(async () => {
  const list = await gqlData<{ products: { nodes: { handle: string }[] } }>(gateway.url, `{ products(first: 1) { nodes { handle } } }`);
  handle = list.products.nodes[0].handle;
});

it('answers the same anonymous catalog read from the cache the second time', async () => {
  const before = await counters();
  const first = await gql(gateway.url, PAGE, { handle });
  const second = await gql(gateway.url, PAGE, { handle });
  expect(first.errors).toBeUndefined();
  expect(second).toEqual(first);
  expect(await counters()).toEqual({ hit: before.hit + 1, miss: before.miss + 1, stored: before.stored + 1 });
  // Other variables are another answer.
  await gql(gateway.url, PAGE, { handle: 'no-such-product' });
  expect((await counters()).miss).toBe(before.miss + 2);
});

it('shows a new price in the next anonymous read within a second', async () => {
  const cached = await readUntil(handle, () => true);
  await readUntil(handle, () => true);
  const variant = cached.product.variants.nodes[0];
  const price = (Number(variant.price.amount) + 1).toFixed(2);
  const update = await gqlData<{ productVariantUpdate: { userErrors: unknown[] } }>(
    gateway.url,
    `mutation($input: ProductVariantUpdateInput!) { productVariantUpdate(input: $input) { userErrors { code } } }`,
    { input: { id: variant.id, price: { amount: price } } },
    await asAdmin(),
  );
  expect(update.productVariantUpdate.userErrors).toEqual([]);
  const after = await readUntil(handle, (page) => page.product.variants.nodes[0].price.amount === price);
  expect(after.product.variants.nodes[0].price.amount).toBe(price);
});

it('shows a stock adjustment in the next anonymous read within a second', async () => {
  const cached = await readUntil(handle, () => true);
  await readUntil(handle, () => true);
  const sku = cached.product.variants.nodes[0].sku;
  const adjusted = await gqlData(
    gateway.url,
    ADJUST_STOCK,
    { input: { sku, locationId: berlin, delta: 7, reason: 'RECEIVED' } },
    await asAdmin(),
  );
  expect(adjusted.inventoryAdjust.userErrors).toEqual([]);
  const total = cached.product.totalInventory + 7;
  const after = await readUntil(handle, (page) => page.product.totalInventory === total);
  expect(after.product.totalInventory).toBe(total);
  expect(after.product.variants.nodes[0].availableForSale).toBe(true);
});

it('never answers a request with a token from the cache, nor stores its answer', async () => {
  const query = `query WithToken($handle: String!) { product(handle: $handle) { id title } }`;
  const admin = await bearer(Role.ADMIN);
  const before = await counters();
  // Stored by neither: the anonymous read after them is a miss.
  await gql(gateway.url, query, { handle }, admin);
  await gql(gateway.url, query, { handle }, admin);
  await gql(gateway.url, query, { handle });
  // Cached now, and still not served to the token.
  const withToken = await gql(gateway.url, query, { handle }, admin);
  expect(withToken.errors).toBeUndefined();
  expect(await counters()).toEqual({ hit: before.hit, miss: before.miss + 1, stored: before.stored + 1 });
});

it('never caches a mutation, an answer with errors, or a read reaching beyond the catalog', async () => {
  const before = await counters();
  const archive = `mutation { productArchive(id: "00000000-0000-4000-8000-000000000000") { userErrors { code } } }`;
  await gql(gateway.url, archive);
  await gql(gateway.url, archive, {}, await asAdmin());
  // Orders resolves this field: no catalog event would tell the cache it changed.
  const beyond = `{ products(first: 1) { nodes { id frequentlyBoughtTogether { id } } } }`;
  await gql(gateway.url, beyond);
  expect(await counters()).toEqual(before);

  // A catalog read the products subgraph refuses (a malformed cursor) is looked up, never stored.
  const failing = `{ products(first: 2, after: "not a cursor") { nodes { id } } }`;
  for (let i = 0; i < 2; i++) expect((await gql(gateway.url, failing)).errors?.length).toBeGreaterThan(0);
  expect(await counters()).toEqual({ ...before, miss: before.miss + 2 });
});
