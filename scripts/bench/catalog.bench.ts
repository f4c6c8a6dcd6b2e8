import { performance } from 'node:perf_hooks';
import { createLogger } from '#platform/runtime';
import { createProductsServer } from '../../subgraphs/products/src/server';
import { generateCatalog } from '../../subgraphs/products/src/seed/generate-catalog';
import { seedDemoCatalog } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { migrateAll } from '../lib/migrate-all';
import { measure, printResults } from './measure';

/**
 * The catalog at scale: generate BENCH_PRODUCTS products (default 100,000), then drive the
 * products subgraph over HTTP with the queries storefronts make, 8 callers at a time.
 */
export async function catalogBench(databaseUrl: string): Promise<void> {
  const count = Number(process.env.BENCH_PRODUCTS ?? 100_000);
  await migrateAll(databaseUrl, () => {});
  const server = await createProductsServer({ databaseUrl, logger: createLogger('bench', 'silent'), currencyCode: 'EUR', poolMax: 10 });
  try {
    await seedDemoCatalog(server.orm.em.fork(), 'EUR');
    let started = performance.now();
    const generated = await generateCatalog(server.orm.em.fork(), count, { currency: 'EUR', runId: 'bench' });
    const seedSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await server.orm.em.getConnection().execute('analyze');
    console.log(
      `\ncatalog: generated ${generated.products} products / ${generated.variants} variants in ${seedSeconds.toFixed(1)}s (${Math.round(generated.products / seedSeconds)} products/s; analyze ${((performance.now() - started) / 1000).toFixed(1)}s)`,
    );

    const url = `${await server.listen(0)}/graphql`;
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    const sku = (i: number) => `GEN-BENCH-${1 + ((i * 7919) % count)}-S`;
    const LIST = `query($first: Int, $after: String, $query: String, $filter: ProductFilter, $sortKey: ProductSortKey) {
      products(first: $first, after: $after, query: $query, filter: $filter, sortKey: $sortKey) {
        nodes { id title handle priceRange { minVariantPrice { amount } } variants(first: 5) { nodes { sku price { amount } } } }
        pageInfo { endCursor } } }`;
    const results = [
      await measure('products(first: 50) by title', 400, 8, () => post(LIST, { first: 50 })),
      await measure('products(query: "<word> <number>", first: 20)', 400, 8, (i) =>
        post(LIST, { first: 20, query: `trail ${1 + ((i * 31) % count)}` }),
      ),
      await measure('products(query: "<sku>")', 400, 8, (i) => post(LIST, { first: 20, query: sku(i) })),
      await measure('products(filter: channel+price, sort PRICE)', 400, 8, () =>
        post(LIST, { first: 50, sortKey: 'PRICE', filter: { channel: 'WEB', minPrice: '50', maxPrice: '150' } }),
      ),
      await measure('productVariant(sku:)', 2_000, 8, (i) =>
        post(`query($s: String) { productVariant(sku: $s) { sku price { amount } product { title } } }`, { s: sku(i) }),
      ),
      await measure('_entities: 100 ProductVariant by sku', 300, 8, (i) =>
        post(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { sku price { amount } product { title } } } }`,
          {
            r: Array.from({ length: 100 }, (_, k) => ({ __typename: 'ProductVariant', sku: sku(i * 100 + k) })),
          },
        ),
      ),
    ];
    let after: string | null = null;
    const pages = await measure('deep paging: 40 pages of 250 by price', 40, 1, async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LIST, variables: { first: 250, after, sortKey: 'PRICE' } }),
      });
      const body = (await response.json()) as { data: { products: { pageInfo: { endCursor: string } } } };
      after = body.data.products.pageInfo.endCursor;
    });
    printResults(`catalog over HTTP, ${count} generated products (products subgraph alone)`, [...results, pages]);
    console.log(`rss after run: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
  } finally {
    await server.close();
  }
}
