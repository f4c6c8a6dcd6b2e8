import { demoCategories, demoProducts } from '../src/seed/demo-catalog';
import { generateCatalog } from '../src/seed/generate-catalog';
import { seedDemoCatalog } from '../src/seed/seed-demo-catalog';
import { gqlData } from '../../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../../test/support/products';

let products: ProductsHarness;
beforeAll(async () => {
  products = await startProducts();
});
afterAll(() => products.close());

it('seeds the demo business once: a believable catalog across categories and channels', async () => {
  const first = await seedDemoCatalog(products.server.orm.em.fork(), 'EUR');
  expect(first).toEqual({
    categories: demoCategories.length,
    products: demoProducts.length,
    variants: demoProducts.flatMap((p) => p.variants).length,
  });
  expect(first!.products).toBeGreaterThanOrEqual(40);
  expect(first!.variants).toBeGreaterThanOrEqual(150);
  expect(await seedDemoCatalog(products.server.orm.em.fork(), 'EUR')).toBeNull();
  const channels = await gqlData(
    products.url,
    `{ web: products(first: 1, filter: { channel: WEB }) { nodes { id } } pos: products(first: 1, filter: { channel: POS }) { nodes { id } } market: products(first: 1, filter: { channel: MARKETPLACE }) { nodes { id } } }`,
  );
  for (const list of Object.values(channels)) expect((list as { nodes: unknown[] }).nodes).toHaveLength(1);
  // The shop sells no food or books: its workshop services (bicycle repair) are the REDUCED-rate products.
  const reduced = demoProducts.filter((p) => p.taxClass === 'REDUCED');
  expect(reduced.map((p) => p.categoryHandle)).toEqual(['workshop-services', 'workshop-services', 'workshop-services']);
  const taxed = await gqlData(
    products.url,
    `query($h: String) { service: product(handle: $h) { taxClass } bike: product(handle: "aerolith-ar7-disc") { taxClass } }`,
    {
      h: reduced[0].handle,
    },
  );
  expect(taxed).toEqual({ service: { taxClass: 'REDUCED' }, bike: { taxClass: 'STANDARD' } });
});

it('generates a large catalog in batches, with unique SKUs, searchable at once', async () => {
  const progress: number[] = [];
  const result = await generateCatalog(products.server.orm.em.fork(), 2_500, {
    currency: 'EUR',
    runId: 'test',
    onProgress: (done) => progress.push(done),
  });
  expect(result.products).toBe(2_500);
  expect(progress).toEqual([1_000, 2_000, 2_500]);
  const knex = products.server.orm.em.getConnection().getKnex();
  const counts = await knex('products.product_variant')
    .where('sku', 'like', 'GEN-TEST-%')
    .count({ n: '*' })
    .countDistinct({ skus: 'sku' })
    .first();
  expect(Number(counts?.n)).toBe(result.variants);
  expect(Number(counts?.skus)).toBe(result.variants);
  const found = await gqlData(
    products.url,
    `{ products(query: "GEN-TEST-1234-") { nodes { title variants(first: 5) { nodes { sku } } } } }`,
  );
  expect(found.products.nodes).toHaveLength(1);
  expect(found.products.nodes[0].variants.nodes[0].sku).toBe('GEN-TEST-1234-S');
});
