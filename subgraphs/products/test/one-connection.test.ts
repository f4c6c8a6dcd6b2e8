import { gqlData } from '../../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../../test/support/products';

/**
 * Decision 16: a mutation's transaction uses one connection. With a pool of exactly one, any
 * statement a mutation sent past its transaction (a handle look-up, the category cycle check, a
 * loader on the wrong EntityManager) would wait for the connection the transaction holds and
 * fail after the 2 s acquire timeout; here every catalog mutation completes, each path that
 * reads raw SQL included.
 */
let products: ProductsHarness;
beforeAll(async () => {
  products = await startProducts({ poolMax: 1 });
});
afterAll(() => products.close());

type Errors = { userErrors: { field: string[]; code: string }[] };

async function run<T>(query: string, variables: Record<string, unknown>): Promise<T & Errors> {
  const data = await gqlData(products.url, query, variables);
  return Object.values(data)[0] as T & Errors;
}

const CATEGORY_CREATE = `mutation($input: CategoryCreateInput!) { categoryCreate(input: $input) { category { id handle } userErrors { field code } } }`;
const CATEGORY_UPDATE = `mutation($id: ID!, $input: CategoryUpdateInput!) { categoryUpdate(id: $id, input: $input) { category { id parent { id } } userErrors { field code } } }`;
const PRODUCT_CREATE = `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id handle variants(first: 10) { nodes { id sku } } } userErrors { field code } } }`;

it('runs every catalog mutation on the one connection its transaction holds', async () => {
  const bikes = await run<{ category: { id: string; handle: string } }>(CATEGORY_CREATE, { input: { name: 'Bikes' } });
  const bikesAgain = await run<{ category: { handle: string } }>(CATEGORY_CREATE, { input: { name: 'Bikes' } });
  expect([bikes.category.handle, bikesAgain.category.handle]).toEqual(['bikes', 'bikes-2']);
  const road = await run<{ category: { id: string } }>(CATEGORY_CREATE, { input: { name: 'Road', parentId: bikes.category.id } });

  const cycle = await run<{ category: null }>(CATEGORY_UPDATE, { id: bikes.category.id, input: { parentId: road.category.id } });
  expect(cycle.userErrors).toEqual([{ field: ['input', 'parentId'], code: 'INVALID' }]);
  const moved = await run<{ category: { parent: { id: string } } }>(CATEGORY_UPDATE, {
    id: road.category.id,
    input: { parentId: null, name: 'Road bikes' },
  });
  expect(moved.userErrors).toEqual([]);

  const size = (value: string) => [{ name: 'Size', value }];
  const input = {
    title: 'Aero Frame',
    categoryId: road.category.id,
    options: [{ name: 'Size', values: ['S'] }],
    variants: [{ sku: 'ONE-CONN-1', price: { amount: '10.00' }, selectedOptions: size('S') }],
  };
  const first = await run<{ product: { id: string; handle: string; variants: { nodes: { id: string }[] } } }>(PRODUCT_CREATE, { input });
  const second = await run<{ product: { handle: string } }>(PRODUCT_CREATE, {
    input: { ...input, variants: [{ sku: 'ONE-CONN-2', price: { amount: '12.00' }, selectedOptions: size('S') }] },
  });
  expect([first.product.handle, second.product.handle]).toEqual(['aero-frame', 'aero-frame-2']);
  const taken = await run<{ product: null }>(PRODUCT_CREATE, { input });
  expect(taken.userErrors.map((e) => e.code)).toEqual(['TAKEN']);

  const id = first.product.id;
  const added = await run<{ productVariants: { sku: string }[] }>(
    `mutation($id: ID!) { productVariantsCreate(productId: $id, variants: [{ sku: "ONE-CONN-3", barcode: "4000000099999", price: { amount: "11.00" }, selectedOptions: [{ name: "Size", value: "M" }] }]) { productVariants { sku } userErrors { field code } } }`,
    { id },
  );
  expect(added.productVariants.map((v) => v.sku)).toEqual(['ONE-CONN-3']);
  const updated = await run<{ productVariant: { sku: string } }>(
    `mutation($input: ProductVariantUpdateInput!) { productVariantUpdate(input: $input) { productVariant { sku } userErrors { field code } } }`,
    { input: { id: first.product.variants.nodes[0].id, sku: 'ONE-CONN-1B', price: { amount: '9.50' } } },
  );
  expect(updated.productVariant.sku).toBe('ONE-CONN-1B');
  const renamed = await run<{ product: { handle: string } }>(
    `mutation($id: ID!) { productUpdate(id: $id, input: { title: "Aero Frame II", handle: "aero-frame-ii" }) { product { handle } userErrors { field code } } }`,
    { id },
  );
  expect(renamed.product.handle).toBe('aero-frame-ii');
  const published = await run<{ product: { channels: string[] } }>(
    `mutation($id: ID!) { productPublish(id: $id, channels: [WEB, POS]) { product { channels } userErrors { field code } } }`,
    { id },
  );
  expect(published.product.channels).toEqual(['WEB', 'POS']);
  const archived = await run<{ product: { status: string } }>(
    `mutation($id: ID!) { productArchive(id: $id) { product { status } userErrors { field code } } }`,
    { id },
  );
  expect(archived.product.status).toBe('ARCHIVED');
});
