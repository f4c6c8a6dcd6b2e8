import { demoCategories, demoProducts } from '../src/seed/demo-catalog';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { startProducts, type ProductsHarness } from '../../../test/support/products';
import { ANONYMOUS, bearer } from '../../../test/support/tokens';
import { Role } from '#platform/auth';

let products: ProductsHarness;
beforeAll(async () => {
  products = await startProducts({ seed: true });
});
afterAll(() => products.close());

const LIST = `query($first: Int, $after: String, $query: String, $filter: ProductFilter, $sortKey: ProductSortKey, $reverse: Boolean) {
  products(first: $first, after: $after, query: $query, filter: $filter, sortKey: $sortKey, reverse: $reverse) {
    edges { cursor node { id handle title status vendor tags channels category { handle } priceRange { minVariantPrice { amount } maxVariantPrice { amount } } createdAt } }
    nodes { handle }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type ListNode = {
  handle: string;
  title: string;
  status: string;
  vendor: string;
  tags: string[];
  channels: string[];
  category: { handle: string } | null;
  priceRange: { minVariantPrice: { amount: string }; maxVariantPrice: { amount: string } };
};

/** One page of a list, as far as paging tests read it. */
type HandlePage = { nodes: { handle: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };

async function list(variables: Record<string, unknown>): Promise<ListNode[]> {
  const data = await gqlData(products.url, LIST, { first: 250, ...variables });
  return data.products.edges.map((e: { node: ListNode }) => e.node);
}

const active = demoProducts.filter((p) => p.status === 'ACTIVE');
const minPrice = (p: (typeof demoProducts)[number]) => Math.min(...p.variants.map((v) => Number(v.price)));

describe('product and variant lookups', () => {
  it('finds a product by handle and by id, with its variants, options and price range', async () => {
    const demo = demoProducts.find((p) => p.variants.length > 3 && p.options.length > 0)!;
    const byHandle = await gqlData(
      products.url,
      `query($h: String) { product(handle: $h) {
      id title handle vendor options { name values } images { url altText }
      variants(first: 100) { nodes { sku barcode title selectedOptions { name value } price { amount currencyCode } } }
      priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount } } } }`,
      { h: demo.handle },
    );
    const product = byHandle.product;
    expect(product.title).toBe(demo.title);
    expect(product.options).toEqual(demo.options);
    expect(product.variants.nodes.map((v: { sku: string }) => v.sku)).toEqual(demo.variants.map((v) => v.sku));
    expect(product.priceRange.minVariantPrice).toEqual({ amount: minPrice(demo).toFixed(2), currencyCode: 'EUR' });

    const byId = await gqlData(products.url, `query($id: ID) { product(id: $id) { handle } }`, { id: product.id });
    expect(byId.product.handle).toBe(demo.handle);
  });

  it('finds a variant by SKU and by id, and reaches its product', async () => {
    const demoVariant = demoProducts[3].variants[0];
    const bySku = await gqlData(
      products.url,
      `query($sku: String) { productVariant(sku: $sku) { id sku barcode price { amount } compareAtPrice { amount } product { handle } } }`,
      { sku: demoVariant.sku },
    );
    expect(bySku.productVariant).toMatchObject({
      sku: demoVariant.sku,
      barcode: demoVariant.barcode,
      price: { amount: demoVariant.price },
      product: { handle: demoProducts[3].handle },
    });
    expect(bySku.productVariant.compareAtPrice).toEqual(demoVariant.compareAtPrice ? { amount: demoVariant.compareAtPrice } : null);
    const byId = await gqlData(products.url, `query($id: ID) { productVariant(id: $id) { sku } }`, { id: bySku.productVariant.id });
    expect(byId.productVariant.sku).toBe(demoVariant.sku);
  });

  it('finds a variant by the barcode a till scans, trimmed; a DRAFT only for staff', async () => {
    const demoVariant = demoProducts[3].variants[1];
    const query = `query($b: String) { productVariant(barcode: $b) { sku product { handle } } }`;
    const scanned = await gqlData(products.url, query, { b: `${demoVariant.barcode}\r\n` });
    expect(scanned.productVariant).toEqual({ sku: demoVariant.sku, product: { handle: demoProducts[3].handle } });
    const draft = demoProducts.find((p) => p.status === 'DRAFT')!.variants[0];
    expect((await gqlData(products.url, query, { b: draft.barcode }, await bearer(Role.STAFF))).productVariant.sku).toBe(draft.sku);
    expect((await gqlData(products.url, query, { b: draft.barcode }, ANONYMOUS)).productVariant).toBeNull();
    expect((await gqlData(products.url, query, { b: '0000000000000' })).productVariant).toBeNull();
    const both = await gql(products.url, `{ productVariant(sku: "x", barcode: "y") { id } }`);
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers null for unknown ids, handles and SKUs, and an error for ambiguous arguments', async () => {
    const data = await gqlData(
      products.url,
      `{ a: product(handle: "no-such-thing") { id } b: product(id: "not-a-uuid") { id }
      c: productVariant(sku: "NOPE") { id } d: product(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(data).toEqual({ a: null, b: null, c: null, d: null });
    const both = await gql(products.url, `{ product(id: "x", handle: "y") { id } }`);
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(both.errors?.[0].message).toMatch(/exactly one/);
  });
});

describe('products list', () => {
  it('lists only ACTIVE products by default', async () => {
    const nodes = await list({});
    expect(nodes.map((n) => n.handle).sort()).toEqual(active.map((p) => p.handle).sort());
    expect(nodes.every((n) => n.status === 'ACTIVE')).toBe(true);
  });

  it('pages with cursors: every product exactly once, in order, forwards', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: { products: HandlePage } = await gqlData(products.url, LIST, { first: 7, after });
      const page: HandlePage = data.products;
      seen.push(...page.nodes.map((n: { handle: string }) => n.handle));
      pages += 1;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(active.length / 7));
    expect(seen).toEqual((await list({})).map((n) => n.handle));
  });

  it.each(['TITLE', 'PRICE', 'CREATED_AT', 'UPDATED_AT', 'ID'])('sorts by %s and reverses, paging consistently', async (sortKey) => {
    const forward = await list({ sortKey });
    const backward = await list({ sortKey, reverse: true });
    expect(backward.map((n) => n.handle)).toEqual([...forward].reverse().map((n) => n.handle));
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const data: { products: HandlePage } = await gqlData(products.url, LIST, { first: 10, after, sortKey, reverse: true });
      paged.push(...data.products.nodes.map((n: { handle: string }) => n.handle));
      after = data.products.pageInfo.hasNextPage ? data.products.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(backward.map((n) => n.handle));
    if (sortKey === 'PRICE') {
      const prices = forward.map((n) => Number(n.priceRange.minVariantPrice.amount));
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
    }
  });

  it('searches title, description, vendor, tags, SKU and barcode, case-insensitively', async () => {
    const demo = active.find((p) => p.variants.length > 1)!;
    const sku = demo.variants[1].sku;
    expect((await list({ query: sku.toLowerCase() })).map((n) => n.handle)).toEqual([demo.handle]);
    expect((await list({ query: demo.variants[0].barcode })).map((n) => n.handle)).toEqual([demo.handle]);
    const word = demo.title.split(' ')[0].toUpperCase();
    expect((await list({ query: word })).map((n) => n.handle)).toContain(demo.handle);
    const descriptionWords = demo.description
      .split(/\W+/)
      .filter((w) => w.length > 6)
      .slice(0, 2)
      .join(' ');
    expect((await list({ query: descriptionWords })).map((n) => n.handle)).toContain(demo.handle);
    expect(await list({ query: 'zzqx-nothing-matches' })).toEqual([]);
  });

  it('ranks by relevance with a query and rejects RELEVANCE without one', async () => {
    const helmets = await list({ query: 'helmet' });
    expect(helmets.length).toBeGreaterThan(1);
    const error = await gql(products.url, LIST, { sortKey: 'RELEVANCE' });
    expect(error.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters by category including the categories below it', async () => {
    const bikes = await list({ filter: { categoryId: await categoryId('bikes') } });
    const below = new Set(descendants('bikes'));
    const expected = active
      .filter((p) => below.has(p.categoryHandle))
      .map((p) => p.handle)
      .sort();
    expect(bikes.map((n) => n.handle).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);
  });

  it('filters by tag, channel, vendor and status', async () => {
    const tag = active[0].tags[0];
    expect((await list({ filter: { tag } })).map((n) => n.handle).sort()).toEqual(
      active
        .filter((p) => p.tags.includes(tag))
        .map((p) => p.handle)
        .sort(),
    );
    const market = await list({ filter: { channel: 'MARKETPLACE' } });
    expect(market.map((n) => n.handle).sort()).toEqual(
      active
        .filter((p) => p.channels.includes('MARKETPLACE'))
        .map((p) => p.handle)
        .sort(),
    );
    const vendor = active[0].vendor;
    expect((await list({ filter: { vendor: vendor.toUpperCase() } })).every((n) => n.vendor === vendor)).toBe(true);
    const drafts = await list({ filter: { status: 'DRAFT' } });
    expect(drafts.map((n) => n.handle).sort()).toEqual(
      demoProducts
        .filter((p) => p.status === 'DRAFT')
        .map((p) => p.handle)
        .sort(),
    );
  });

  it('filters by price range: some variant within it', async () => {
    const nodes = await list({ filter: { minPrice: '100', maxPrice: '200.00' } });
    const expected = active.filter((p) => p.variants.some((v) => Number(v.price) >= 100 && Number(v.price) <= 200));
    expect(nodes.map((n) => n.handle).sort()).toEqual(expected.map((p) => p.handle).sort());
    const bad = await gql(products.url, LIST, { filter: { minPrice: '1.999' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a page larger than 250, a negative page and a forged cursor', async () => {
    for (const variables of [{ first: 251 }, { first: -1 }, { first: 5, after: 'bm90IGEgY3Vyc29y' }, { first: 5, after: '!!!' }]) {
      const result = await gql(products.url, LIST, variables);
      // A page size out of range is refused before execution (400), a bad cursor while resolving (200).
      expect(result.status).toBeLessThan(500);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const titleCursor = (await gqlData(products.url, LIST, { first: 1 })).products.pageInfo.endCursor;
    const mixed = await gql(products.url, LIST, { first: 1, after: titleCursor, sortKey: 'PRICE' });
    expect(mixed.errors?.[0].message).toMatch(/not a cursor of this list/);
  });
});

describe('categories', () => {
  it('lists the tree with parents, children and products below', async () => {
    const data = await gqlData(
      products.url,
      // Pages within the subgraph's own cost limit (every category, and more products than any holds).
      `{ categories(first: 50) { nodes { handle parent { handle } children { handle } products(first: 150) { nodes { handle } } } } }`,
    );
    const nodes = data.categories.nodes as {
      handle: string;
      parent: { handle: string } | null;
      children: { handle: string }[];
      products: { nodes: { handle: string }[] };
    }[];
    expect(nodes).toHaveLength(demoCategories.length);
    for (const demo of demoCategories) {
      const node = nodes.find((n) => n.handle === demo.handle)!;
      expect(node.parent?.handle ?? null).toBe(demo.parentHandle);
      expect(node.children.map((c) => c.handle).sort()).toEqual(
        demoCategories
          .filter((c) => c.parentHandle === demo.handle)
          .map((c) => c.handle)
          .sort(),
      );
      const below = new Set(descendants(demo.handle));
      expect(node.products.nodes.map((p) => p.handle).sort()).toEqual(
        active
          .filter((p) => below.has(p.categoryHandle))
          .map((p) => p.handle)
          .sort(),
      );
    }
    const roots = await gqlData(products.url, `{ categories(first: 50, parentId: null) { nodes { handle } } }`);
    expect(roots.categories.nodes.map((n: { handle: string }) => n.handle).sort()).toEqual(
      demoCategories
        .filter((c) => !c.parentHandle)
        .map((c) => c.handle)
        .sort(),
    );
  });

  it("pages a category's products with cursors", async () => {
    const all = await gqlData(products.url, `{ category(handle: "bikes") { products(first: 250) { nodes { handle } } } }`);
    const handles: string[] = [];
    let after: string | null = null;
    do {
      const page: { category: { products: HandlePage } } = await gqlData(
        products.url,
        `query($after: String) { category(handle: "bikes") { products(first: 4, after: $after) { nodes { handle } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      handles.push(...page.category.products.nodes.map((n: { handle: string }) => n.handle));
      after = page.category.products.pageInfo.hasNextPage ? page.category.products.pageInfo.endCursor : null;
    } while (after);
    expect(handles).toEqual(all.category.products.nodes.map((n: { handle: string }) => n.handle));
  });

  it("pages a category's products backward with last and before, in title order", async () => {
    const all = await gqlData(products.url, `{ category(handle: "bikes") { products(first: 250) { edges { cursor node { handle } } } } }`);
    const edges = all.category.products.edges as { cursor: string; node: { handle: string } }[];
    expect(edges.length).toBeGreaterThanOrEqual(5);
    const back = await gqlData(
      products.url,
      `query($before: String) { category(handle: "bikes") { products(last: 3, before: $before) { nodes { handle } pageInfo { hasNextPage } } } }`,
      { before: edges.at(-1)!.cursor },
    );
    expect(back.category.products.nodes).toEqual(edges.slice(-4, -1).map((e) => e.node));
    expect(back.category.products.pageInfo.hasNextPage).toBe(true);
  });
});

function descendants(handle: string): string[] {
  return [handle, ...demoCategories.filter((c) => c.parentHandle === handle).flatMap((c) => descendants(c.handle))];
}

async function categoryId(handle: string): Promise<string> {
  return (await gqlData(products.url, `query($h: String) { category(handle: $h) { id } }`, { h: handle })).category.id;
}

describe('unreleased products', () => {
  const draft = demoProducts.find((p) => p.status === 'DRAFT')!;
  const archived = demoProducts.find((p) => p.status === 'ARCHIVED')!;

  it('are shown to staff only: a draft is null to shoppers, listing drafts is refused', async () => {
    const byHandle = `query($h: String) { product(handle: $h) { handle variants(first: 1) { nodes { sku } } } }`;
    const staffView = await gqlData(products.url, byHandle, { h: draft.handle }, await bearer(Role.STAFF));
    expect(staffView.product.handle).toBe(draft.handle);
    const sku = staffView.product.variants.nodes[0].sku;
    for (const headers of [ANONYMOUS, await bearer(Role.CUSTOMER), await bearer(Role.KIOSK)]) {
      expect((await gqlData(products.url, byHandle, { h: draft.handle }, headers)).product).toBeNull();
      expect(
        (await gqlData(products.url, `query($s: String) { productVariant(sku: $s) { sku } }`, { s: sku }, headers)).productVariant,
      ).toBeNull();
      const listed = await gql(products.url, LIST, { first: 5, filter: { status: 'DRAFT' } }, headers);
      expect(listed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await gqlData(products.url, byHandle, { h: archived.handle }, ANONYMOUS)).product.handle).toBe(archived.handle);
  });
});
