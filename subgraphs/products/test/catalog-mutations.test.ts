import { gql, gqlData } from '../../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../../test/support/products';

let products: ProductsHarness;
beforeAll(async () => {
  products = await startProducts();
});
afterAll(() => products.close());

const CREATE = `mutation($input: ProductCreateInput!) { productCreate(input: $input) {
  product { id handle title status channels tags options { name values } category { handle }
    priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
    variants(first: 100) { nodes { id sku barcode title position selectedOptions { name value } price { amount } compareAtPrice { amount } } } }
  userErrors { field message code } } }`;

async function rowCounts(): Promise<Record<string, number>> {
  const knex = products.server.orm.em.getConnection().getKnex();
  const [p, v, c] = await Promise.all(
    ['product', 'product_variant', 'category'].map((t) => knex(`products.${t}`).count({ n: '*' }).first()),
  );
  return { products: Number(p?.n), variants: Number(v?.n), categories: Number(c?.n) };
}

async function create(input: Record<string, unknown>) {
  return (await gqlData(products.url, CREATE, { input })).productCreate;
}

/** Runs a mutation expected to fail and checks that no row changed. */
async function expectRejected(run: () => Promise<{ userErrors: { field: string[]; code: string }[] }>) {
  const before = await rowCounts();
  const result = await run();
  expect(result.userErrors.length).toBeGreaterThan(0);
  expect(await rowCounts()).toEqual(before);
  return result.userErrors;
}

const jersey = (suffix: string, extra: Record<string, unknown> = {}) => ({
  title: `Club Jersey ${suffix}`,
  status: 'ACTIVE',
  channels: ['WEB', 'POS'],
  tags: ['jersey', 'Jersey', ' club '],
  options: [
    { name: 'Size', values: ['S', 'M'] },
    { name: 'Colour', values: ['Red'] },
  ],
  variants: [
    {
      sku: `JER-${suffix}-S`,
      price: { amount: '49.90' },
      selectedOptions: [
        { name: 'Size', value: 'S' },
        { name: 'Colour', value: 'Red' },
      ],
    },
    {
      sku: `JER-${suffix}-M`,
      barcode: `400000${suffix}`.slice(0, 13),
      price: { amount: '54.90' },
      compareAtPrice: { amount: '69.90' },
      selectedOptions: [
        { name: 'colour', value: 'Red' },
        { name: 'size', value: 'M' },
      ],
    },
  ],
  ...extra,
});

describe('productCreate', () => {
  it('creates a product with variants, derived handle, titles and price range', async () => {
    const { product, userErrors } = await create(jersey('100'));
    expect(userErrors).toEqual([]);
    expect(product).toMatchObject({
      handle: 'club-jersey-100',
      status: 'ACTIVE',
      channels: ['WEB', 'POS'],
      tags: ['jersey', 'club'],
      priceRange: { minVariantPrice: { amount: '49.90', currencyCode: 'EUR' }, maxVariantPrice: { amount: '54.90' } },
    });
    expect(product.variants.nodes.map((v: { title: string; position: number }) => [v.title, v.position])).toEqual([
      ['S / Red', 0],
      ['M / Red', 1],
    ]);
    expect(product.variants.nodes[1]).toMatchObject({
      selectedOptions: [
        { name: 'Size', value: 'M' },
        { name: 'Colour', value: 'Red' },
      ],
      compareAtPrice: { amount: '69.90' },
    });
  });

  it('derives a free handle when the title is taken', async () => {
    const a = await create({ title: 'Bell', variants: [{ sku: 'BELL-1', price: { amount: '9' } }] });
    const b = await create({ title: 'Bell', variants: [{ sku: 'BELL-2', price: { amount: '9' } }] });
    expect([a.product.handle, b.product.handle]).toEqual(['bell', 'bell-2']);
    expect(b.product.variants.nodes[0].title).toBe('Default Title');
    expect(a.product.status).toBe('DRAFT');
  });

  it('rejects a duplicate SKU, barcode or handle and writes nothing', async () => {
    await create(jersey('200'));
    const sku = await expectRejected(() =>
      create(
        jersey('201', {
          variants: [
            {
              sku: 'JER-200-S',
              price: { amount: '1' },
              selectedOptions: [
                { name: 'Size', value: 'S' },
                { name: 'Colour', value: 'Red' },
              ],
            },
          ],
        }),
      ),
    );
    expect(sku).toEqual([{ field: ['input', 'variants', '0', 'sku'], code: 'TAKEN', message: expect.stringContaining('JER-200-S') }]);
    const inInput = await expectRejected(() =>
      create({
        title: 'Twins',
        variants: [
          { sku: 'TWIN', price: { amount: '1' } },
          { sku: 'TWIN', price: { amount: '1' } },
        ],
      }),
    );
    expect(inInput.map((e) => e.code)).toContain('TAKEN');
    const handle = await expectRejected(() => create({ ...jersey('202'), handle: 'club-jersey-200' }));
    expect(handle).toEqual([expect.objectContaining({ field: ['input', 'handle'], code: 'TAKEN' })]);
    // jersey('200') gave its M variant the barcode 400000200.
    const barcode = await expectRejected(() =>
      create({ title: 'Scan me', variants: [{ sku: 'SCAN-1', barcode: '400000200', price: { amount: '1' } }] }),
    );
    expect(barcode).toEqual([expect.objectContaining({ field: ['input', 'variants', '0', 'barcode'], code: 'TAKEN' })]);
  });

  it.each([
    ['an empty title', { title: '   ' }, ['input', 'title'], 'BLANK'],
    ['a too-long title', { title: 'x'.repeat(256) }, ['input', 'title'], 'TOO_LONG'],
    ['a bad handle', { handle: 'Not A Handle' }, ['input', 'handle'], 'INVALID'],
    ['a too-long description', { description: 'd'.repeat(20_001) }, ['input', 'description'], 'TOO_LONG'],
    ['an unknown category', { categoryId: '00000000-0000-4000-8000-000000000000' }, ['input', 'categoryId'], 'NOT_FOUND'],
    ['no variants', { variants: [] }, ['input', 'variants'], 'BLANK'],
    [
      'a negative price',
      { variants: [{ sku: 'NEG-1', price: { amount: '-1.00' } }] },
      ['input', 'variants', '0', 'price', 'amount'],
      'GREATER_THAN_OR_EQUAL_TO',
    ],
    [
      'a price with too many decimals',
      { variants: [{ sku: 'DEC-1', price: { amount: '1.005' } }] },
      ['input', 'variants', '0', 'price', 'amount'],
      'INVALID',
    ],
    [
      'another currency',
      { variants: [{ sku: 'USD-1', price: { amount: '1', currencyCode: 'USD' } }] },
      ['input', 'variants', '0', 'price', 'currencyCode'],
      'CURRENCY_MISMATCH',
    ],
    ['a SKU with spaces', { variants: [{ sku: 'HAS SPACE', price: { amount: '1' } }] }, ['input', 'variants', '0', 'sku'], 'INVALID'],
    [
      'an unknown option',
      { variants: [{ sku: 'OPT-1', price: { amount: '1' }, selectedOptions: [{ name: 'Flavour', value: 'Mint' }] }] },
      ['input', 'variants', '0', 'selectedOptions'],
      'INVALID',
    ],
  ])('rejects %s with a clear user error and writes nothing', async (_label, change, field, code) => {
    const errors = await expectRejected(() =>
      create({ title: 'Valid title', variants: [{ sku: `OK-${code}-${field.length}`, price: { amount: '5' } }], ...change }),
    );
    expect(errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('rejects a missing value for an option and two variants with the same options', async () => {
    const base = { title: 'Gloves', options: [{ name: 'Size', values: ['M'] }] };
    const missing = await expectRejected(() => create({ ...base, variants: [{ sku: 'GLV-1', price: { amount: '5' } }] }));
    expect(missing).toContainEqual(expect.objectContaining({ field: ['input', 'variants', '0', 'selectedOptions'], code: 'BLANK' }));
    const same = [{ name: 'Size', value: 'M' }];
    const twice = await expectRejected(() =>
      create({
        ...base,
        variants: [
          { sku: 'GLV-2', price: { amount: '5' }, selectedOptions: same },
          { sku: 'GLV-3', price: { amount: '5' }, selectedOptions: same },
        ],
      }),
    );
    expect(twice).toContainEqual(expect.objectContaining({ field: ['input', 'variants', '1', 'selectedOptions'], code: 'TAKEN' }));
  });

  it('lets exactly one of many concurrent creations claim a SKU', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create({ title: `Race ${i}`, variants: [{ sku: 'RACE-SKU', price: { amount: '10' } }] })),
    );
    expect(attempts.filter((a) => a.product).length).toBe(1);
    for (const loser of attempts.filter((a) => !a.product)) {
      expect(loser.userErrors[0]).toMatchObject({ code: 'TAKEN' });
    }
    const titles = await gqlData(products.url, `{ productVariant(sku: "RACE-SKU") { product { title } } }`);
    expect(titles.productVariant.product.title).toMatch(/^Race \d$/);
  });
});

describe('productUpdate, productArchive, productPublish', () => {
  it('updates fields, clears with null, and keeps the rest', async () => {
    const { product } = await create(jersey('300', { vendor: 'Acme' }));
    const cat = (await gqlData(products.url, `mutation { categoryCreate(input: { name: "Jerseys" }) { category { id handle } } }`))
      .categoryCreate.category;
    const result = await gqlData(
      products.url,
      `mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) {
      product { title vendor handle tags category { handle } updatedAt } userErrors { field code } } }`,
      {
        id: product.id,
        input: { title: 'Club Jersey Pro', vendor: null, categoryId: cat.id, tags: ['pro'] },
      },
    );
    expect(result.productUpdate).toMatchObject({
      userErrors: [],
      product: { title: 'Club Jersey Pro', vendor: null, handle: 'club-jersey-300', tags: ['pro'], category: { handle: cat.handle } },
    });
    const found = await gqlData(products.url, `{ products(query: "jersey pro") { nodes { id } } }`);
    expect(found.products.nodes).toEqual([{ id: product.id }]);
  });

  it('keeps a tax class: STANDARD unless set on creation, changed by an update, kept when omitted or null', async () => {
    const standard = await create(jersey('305'));
    const reduced = await create(jersey('306', { taxClass: 'REDUCED' }));
    const taxClassOf = async (id: string) =>
      (await gqlData(products.url, `query($id: ID) { product(id: $id) { taxClass } }`, { id })).product.taxClass;
    expect([await taxClassOf(standard.product.id), await taxClassOf(reduced.product.id)]).toEqual(['STANDARD', 'REDUCED']);
    const update = (input: Record<string, unknown>) =>
      gqlData(
        products.url,
        `mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { product { taxClass } userErrors { code } } }`,
        { id: reduced.product.id, input },
      );
    expect((await update({ taxClass: 'ZERO' })).productUpdate).toEqual({ product: { taxClass: 'ZERO' }, userErrors: [] });
    expect((await update({ title: 'Renamed', taxClass: null })).productUpdate.product.taxClass).toBe('ZERO');
    const unknown = await gql(
      products.url,
      `mutation($id: ID!) { productUpdate(id: $id, input: { taxClass: LUXURY }) { product { id } } }`,
      {
        id: reduced.product.id,
      },
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await taxClassOf(reduced.product.id)).toBe('ZERO');
  });

  it('rejects an unknown product and a taken handle, writing nothing', async () => {
    await create(jersey('301'));
    const { product } = await create(jersey('302'));
    const unknown = await gqlData(
      products.url,
      `mutation { productUpdate(id: "00000000-0000-4000-8000-000000000000", input: { title: "X" }) { product { id } userErrors { field code } } }`,
    );
    expect(unknown.productUpdate).toEqual({ product: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
    const taken = await gqlData(
      products.url,
      `mutation($id: ID!) { productUpdate(id: $id, input: { handle: "club-jersey-301", title: "Renamed" }) { product { id } userErrors { field code } } }`,
      { id: product.id },
    );
    expect(taken.productUpdate.userErrors).toEqual([{ field: ['input', 'handle'], code: 'TAKEN' }]);
    const unchanged = await gqlData(products.url, `query($id: ID) { product(id: $id) { title handle } }`, { id: product.id });
    expect(unchanged.product).toEqual({ title: 'Club Jersey 302', handle: 'club-jersey-302' });
  });

  it('archives: off the lists, still resolvable by id', async () => {
    const { product } = await create(jersey('303'));
    const archived = await gqlData(
      products.url,
      `mutation($id: ID!) { productArchive(id: $id) { product { status } userErrors { code } } }`,
      { id: product.id },
    );
    expect(archived.productArchive).toEqual({ product: { status: 'ARCHIVED' }, userErrors: [] });
    const listed = await gqlData(products.url, `{ products(first: 250, query: "303") { nodes { id } } }`);
    expect(listed.products.nodes).toEqual([]);
    expect((await gqlData(products.url, `query($id: ID) { product(id: $id) { status } }`, { id: product.id })).product.status).toBe(
      'ARCHIVED',
    );
  });

  it('publishes to and withdraws from channels', async () => {
    const { product } = await create(jersey('304'));
    const published = await gqlData(
      products.url,
      `mutation($id: ID!) { productPublish(id: $id, channels: [KIOSK, WEB, MARKETPLACE]) { product { channels } userErrors { code } } }`,
      { id: product.id },
    );
    expect(published.productPublish.product.channels).toEqual(['WEB', 'POS', 'KIOSK', 'MARKETPLACE']);
    const kiosk = await gqlData(products.url, `{ products(first: 250, filter: { channel: KIOSK }) { nodes { id } } }`);
    expect(kiosk.products.nodes).toContainEqual({ id: product.id });
    const withdrawn = await gqlData(
      products.url,
      `mutation($id: ID!) { productUnpublish(id: $id, channels: [POS, KIOSK]) { product { channels } } }`,
      { id: product.id },
    );
    expect(withdrawn.productUnpublish.product.channels).toEqual(['WEB', 'MARKETPLACE']);
    const none = await gqlData(
      products.url,
      `mutation($id: ID!) { productPublish(id: $id, channels: []) { product { id } userErrors { field code } } }`,
      { id: product.id },
    );
    expect(none.productPublish).toEqual({ product: null, userErrors: [{ field: ['channels'], code: 'BLANK' }] });
  });
});

describe('variants', () => {
  it('adds variants, extending option values, and refreshes the price range', async () => {
    const { product } = await create(jersey('400'));
    const result = await gqlData(
      products.url,
      `mutation($id: ID!, $variants: [ProductVariantCreateInput!]!) { productVariantsCreate(productId: $id, variants: $variants) {
      product { options { name values } priceRange { maxVariantPrice { amount } } } productVariants { sku title position } userErrors { field code } } }`,
      {
        id: product.id,
        variants: [
          {
            sku: 'JER-400-XL',
            price: { amount: '59.90' },
            selectedOptions: [
              { name: 'Size', value: 'XL' },
              { name: 'Colour', value: 'Red' },
            ],
          },
        ],
      },
    );
    expect(result.productVariantsCreate).toEqual({
      product: {
        options: [
          { name: 'Size', values: ['S', 'M', 'XL'] },
          { name: 'Colour', values: ['Red'] },
        ],
        priceRange: { maxVariantPrice: { amount: '59.90' } },
      },
      productVariants: [{ sku: 'JER-400-XL', title: 'XL / Red', position: 2 }],
      userErrors: [],
    });
    const duplicate = await expectRejected(
      async () =>
        (
          await gqlData(
            products.url,
            `mutation($id: ID!) { productVariantsCreate(productId: $id, variants: [{ sku: "JER-400-XL2", price: { amount: "1" }, selectedOptions: [{ name: "Size", value: "S" }, { name: "Colour", value: "Red" }] }]) { userErrors { field code } } }`,
            { id: product.id },
          )
        ).productVariantsCreate,
    );
    expect(duplicate).toEqual([{ field: ['variants', '0', 'selectedOptions'], code: 'TAKEN' }]);
  });

  it('updates price, SKU and barcode with the same checks as creation', async () => {
    const { product } = await create(jersey('500'));
    const [small, medium] = product.variants.nodes;
    const UPDATE = `mutation($input: ProductVariantUpdateInput!) { productVariantUpdate(input: $input) { productVariant { sku barcode price { amount } compareAtPrice { amount } product { priceRange { minVariantPrice { amount } } } } userErrors { field code } } }`;
    const ok = await gqlData(products.url, UPDATE, {
      input: { id: small.id, sku: 'JER-500-SMALL', price: { amount: '39.00' }, compareAtPrice: null, barcode: '4006381333931' },
    });
    expect(ok.productVariantUpdate).toEqual({
      productVariant: {
        sku: 'JER-500-SMALL',
        barcode: '4006381333931',
        price: { amount: '39.00' },
        compareAtPrice: null,
        product: { priceRange: { minVariantPrice: { amount: '39.00' } } },
      },
      userErrors: [],
    });
    const taken = await gqlData(products.url, UPDATE, {
      input: { id: medium.id, sku: 'JER-500-SMALL', barcode: '4006381333931', price: { amount: '-2' } },
    });
    expect(taken.productVariantUpdate.userErrors).toEqual([
      { field: ['input', 'sku'], code: 'TAKEN' },
      { field: ['input', 'barcode'], code: 'TAKEN' },
      { field: ['input', 'price', 'amount'], code: 'GREATER_THAN_OR_EQUAL_TO' },
    ]);
    const unchanged = await gqlData(products.url, `query($id: ID) { productVariant(id: $id) { sku price { amount } } }`, { id: medium.id });
    expect(unchanged.productVariant).toEqual({ sku: 'JER-500-M', price: { amount: '54.90' } });
  });
});

describe('categories', () => {
  it('creates a tree, renames and moves, and refuses cycles', async () => {
    const MUTATE = `mutation($input: CategoryCreateInput!) { categoryCreate(input: $input) { category { id handle parent { handle } } userErrors { field code } } }`;
    const parts = (await gqlData(products.url, MUTATE, { input: { name: 'Spare Parts' } })).categoryCreate.category;
    const chains = (await gqlData(products.url, MUTATE, { input: { name: 'Chains', parentId: parts.id } })).categoryCreate.category;
    expect(chains).toMatchObject({ handle: 'chains', parent: { handle: 'spare-parts' } });
    const cycle = await gqlData(
      products.url,
      `mutation($id: ID!, $parent: ID) { categoryUpdate(id: $id, input: { parentId: $parent, name: "Renamed" }) { category { name } userErrors { field code } } }`,
      { id: parts.id, parent: chains.id },
    );
    expect(cycle.categoryUpdate).toEqual({ category: null, userErrors: [{ field: ['input', 'parentId'], code: 'INVALID' }] });
    const moved = await gqlData(
      products.url,
      `mutation($id: ID!) { categoryUpdate(id: $id, input: { parentId: null, name: "Chains & links" }) { category { name parent { id } } userErrors { code } } }`,
      { id: chains.id },
    );
    expect(moved.categoryUpdate).toEqual({ category: { name: 'Chains & links', parent: null }, userErrors: [] });
    const unknownParent = await gqlData(products.url, MUTATE, {
      input: { name: 'Orphan', parentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownParent.categoryCreate.userErrors).toEqual([{ field: ['input', 'parentId'], code: 'NOT_FOUND' }]);
    const takenHandle = await gqlData(products.url, MUTATE, { input: { name: 'Other', handle: 'spare-parts' } });
    expect(takenHandle.categoryCreate.userErrors).toEqual([{ field: ['input', 'handle'], code: 'TAKEN' }]);
  });
});

describe('bad requests', () => {
  it('answers a malformed operation with a coded error, never a stack trace', async () => {
    const result = await gql(products.url, `mutation { productCreate(input: { title: 5 }) { product { id } } }`);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.js/);
  });
});

describe('several mutations in one request', () => {
  it('never lets a later mutation write what a refused one had changed', async () => {
    const make = async (title: string, sku: string) =>
      (
        await gqlData(
          products.url,
          `mutation($title: String!, $sku: String!) { productCreate(input: { title: $title, variants: [{ sku: $sku, price: { amount: "5" } }] }) { product { id title handle } } }`,
          { title, sku },
        )
      ).productCreate.product;
    const first = await make('Contained Bottle', 'CONTAINED-1');
    const second = await make('Contained Cage', 'CONTAINED-2');
    const result = await gqlData(
      products.url,
      `mutation($id: ID!, $taken: String!) {
      loaded: productPublish(id: $id, channels: [WEB]) { product { title } }
      refused: productUpdate(id: $id, input: { title: "Should Not Stick", handle: $taken }) { userErrors { code } }
      later: categoryCreate(input: { name: "Unrelated Later Change" }) { userErrors { code } }
    }`,
      { id: first.id, taken: second.handle },
    );
    expect(result.refused.userErrors).toEqual([{ code: 'TAKEN' }]);
    expect(result.later.userErrors).toEqual([]);
    const after = (await gqlData(products.url, `query($id: ID) { product(id: $id) { title handle } }`, { id: first.id })).product;
    expect(after).toEqual({ title: first.title, handle: first.handle });
  });
});
