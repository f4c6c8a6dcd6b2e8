import { startGateway, type GatewayHarness } from '../../../test/support/gateway';
import { gqlData } from '../../../test/support/graphql-client';
import { countStatements, startProducts, type ProductsHarness } from '../../../test/support/products';

/**
 * Decision 5: the SQL a request makes does not grow with the length of its lists. Each case
 * runs the same operation for 10 and for 100 items and compares the statement counts.
 */
let products: ProductsHarness;
let gateway: GatewayHarness;
let variants: { id: string; sku: string }[];

beforeAll(async () => {
  products = await startProducts({ seed: true });
  // The statement counts are measured on pages past the storefront's cost limit.
  gateway = await startGateway({ products: products.url }, { limits: { maxCost: 10_000 } });
  const page = await gqlData(products.url, `{ products(first: 50) { nodes { variants(first: 50) { nodes { id sku } } } } }`);
  variants = page.products.nodes.flatMap((p: { variants: { nodes: { id: string; sku: string }[] } }) => p.variants.nodes);
  expect(variants.length).toBeGreaterThanOrEqual(100);
});
afterAll(async () => {
  await gateway.close();
  await products.close();
});

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on ProductVariant { sku title price { amount } product { title category { name parent { name } } } }
} }`;

async function statementsFor(query: string, variables: Record<string, unknown>, url = products.url): Promise<number> {
  return countStatements(products.server, () => gqlData(url, query, variables));
}

it('resolves 10 and 100 ProductVariant references by id with the same number of statements', async () => {
  const reps = (n: number) => variants.slice(0, n).map((v) => ({ __typename: 'ProductVariant', id: v.id }));
  const ten = await statementsFor(ENTITIES, { representations: reps(10) });
  const hundred = await statementsFor(ENTITIES, { representations: reps(100) });
  expect(hundred).toBe(ten);
  // variants by id, their products, their categories, the categories' parents
  expect(ten).toBe(4);
});

it('resolves 10 and 100 ProductVariant references by sku with the same number of statements', async () => {
  const reps = (n: number) => variants.slice(0, n).map((v) => ({ __typename: 'ProductVariant', sku: v.sku }));
  const ten = await statementsFor(ENTITIES, { representations: reps(10) });
  const hundred = await statementsFor(ENTITIES, { representations: reps(100) });
  expect(hundred).toBe(ten);
  const result = await gqlData(products.url, ENTITIES, { representations: [...reps(2), { __typename: 'ProductVariant', sku: 'UNKNOWN' }] });
  expect(result._entities.map((e: { sku: string } | null) => e?.sku ?? null)).toEqual([variants[0].sku, variants[1].sku, null]);
});

it('lists 10 and 100 variants through the gateway with the same number of statements', async () => {
  const query = `query($first: Int) { products(first: $first) { nodes { title category { name } variants(first: 10) { nodes { sku price { amount } product { handle } } } } } }`;
  const ten = await statementsFor(query, { first: 3 }, gateway.url);
  const hundred = await statementsFor(query, { first: 40 }, gateway.url);
  const listed = await gqlData(gateway.url, query, { first: 40 });
  expect(listed.products.nodes.flatMap((p: { variants: { nodes: unknown[] } }) => p.variants.nodes).length).toBeGreaterThanOrEqual(100);
  expect(hundred).toBe(ten);
  expect(ten).toBeGreaterThan(0);
});

it('resolves Product and Category references in one statement each', async () => {
  const page = await gqlData(products.url, `{ products(first: 50) { nodes { id category { id } } } }`);
  const productReps = page.products.nodes.map((p: { id: string }) => ({ __typename: 'Product', id: p.id }));
  const categoryReps = page.products.nodes
    .filter((p: { category: unknown }) => p.category)
    .map((p: { category: { id: string } }) => ({ __typename: 'Category', id: p.category.id }));
  const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { handle } ... on Category { name } } }`;
  expect(await statementsFor(query, { representations: productReps })).toBe(1);
  expect(await statementsFor(query, { representations: categoryReps })).toBe(1);
});
