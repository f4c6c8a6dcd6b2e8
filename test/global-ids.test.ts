import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { parseGlobalId, toGlobalId } from '#platform/ids';
import { ADJUST_STOCK } from './support/documents';
import { gqlData, gql } from './support/graphql-client';
import { startSupergraph, type SupergraphHarness } from './support/supergraph';
import { ANONYMOUS, asAdmin, bearer } from './support/tokens';

/** Global ids and Relay's Node, through the real gateway over the seeded demo shop. */
let system: SupergraphHarness;
let url: string;
beforeAll(async () => {
  system = await startSupergraph();
  url = system.gateway.url;
});
afterAll(() => system?.close());

const knexOf = (subgraph: 'products' | 'inventory') => system.servers[subgraph].orm.em.getConnection().getKnex();

it('answers ids that name their type and carry the database id', async () => {
  const data = await gqlData(
    url,
    `{ products(first: 3, sortKey: TITLE) { nodes { id category { id } variants(first: 2) { nodes { id sku } } } }
       locations(first: 2) { nodes { id } } }`,
  );
  const products = data.products.nodes as { id: string; category: { id: string }; variants: { nodes: { id: string; sku: string }[] } }[];
  expect(products.length).toBe(3);
  for (const product of products) {
    const id = parseGlobalId(product.id)!;
    expect(id.type).toBe('Product');
    expect(await knexOf('products')('products.product').where({ id: id.key }).first()).toBeDefined();
    expect(parseGlobalId(product.category.id)?.type).toBe('Category');
    for (const variant of product.variants.nodes) {
      const variantId = parseGlobalId(variant.id)!;
      expect(variantId.type).toBe('ProductVariant');
      const row = await knexOf('products')('products.product_variant').where({ id: variantId.key }).first();
      expect(row.sku).toBe(variant.sku);
    }
  }
  for (const location of data.locations.nodes as { id: string }[]) {
    const id = parseGlobalId(location.id)!;
    expect(id.type).toBe('Location');
    expect(await knexOf('inventory')('inventory.location').where({ id: id.key }).first()).toBeDefined();
  }
});

it('takes global ids as arguments, and the raw ids of before during their deprecation period', async () => {
  const { products } = await gqlData(url, `{ products(first: 1) { nodes { id title } } }`);
  const [product] = products.nodes as { id: string; title: string }[];
  const raw = parseGlobalId(product.id)!.key;
  for (const id of [product.id, raw]) {
    const found = await gqlData(url, `query($id: ID!) { product(id: $id) { id title } }`, { id });
    expect(found.product).toEqual(product);
  }
  const wrong = await gql(url, `query($id: ID!) { product(id: $id) { id } }`, { id: 'gid://commerce/Product' });
  expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

it('resolves any entity with node(id:) and nodes(ids:), whichever subgraph owns it', async () => {
  const data = await gqlData(
    url,
    `{ products(first: 1) { nodes { id title variants(first: 1) { nodes { id sku inventory { levels { id available location { id name } } } } } } } }`,
  );
  const product = data.products.nodes[0];
  const variant = product.variants.nodes[0];
  const level = variant.inventory.levels[0];
  const location = level.location;
  const found = await gqlData(
    url,
    `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id
        ... on Product { title } ... on ProductVariant { sku } ... on InventoryLevel { available } ... on Location { name } } }`,
    { ids: [product.id, variant.id, level.id, location.id, toGlobalId('Location', '00000000-0000-4000-8000-000000000000')] },
  );
  expect(found.nodes).toEqual([
    { __typename: 'Product', id: product.id, title: product.title },
    { __typename: 'ProductVariant', id: variant.id, sku: variant.sku },
    { __typename: 'InventoryLevel', id: level.id, available: level.available },
    { __typename: 'Location', id: location.id, name: location.name },
    null,
  ]);
  const one = await gql(url, `query($id: ID!) { node(id: $id) { id ... on Location { name } } }`, { id: location.id });
  expect(one.data?.node).toEqual({ id: location.id, name: location.name });
});

it('resolves transfers and purchase orders with node(id:) and nodes(ids:) for staff, as their own queries do; null for others', async () => {
  const admin = await asAdmin();
  const [from, to] = (await gqlData(url, `{ locations(first: 2) { nodes { id } } }`)).locations.nodes.map((l: { id: string }) => l.id);
  const { products } = await gqlData(url, `{ products(first: 1) { nodes { variants(first: 1) { nodes { sku } } } } }`);
  const lines = [{ sku: products.nodes[0].variants.nodes[0].sku, quantity: 1 }];
  const created = await gqlData(
    url,
    `mutation($po: PurchaseOrderCreateInput!, $tr: InventoryTransferCreateInput!) {
      purchaseOrderCreate(input: $po) { purchaseOrder { id number } userErrors { code } }
      inventoryTransferCreate(input: $tr) { inventoryTransfer { id number } userErrors { code } } }`,
    { po: { supplier: 'Node supplier', locationId: from, lines }, tr: { fromLocationId: from, toLocationId: to, lines } },
    admin,
  );
  expect(created.purchaseOrderCreate.userErrors).toEqual([]);
  expect(created.inventoryTransferCreate.userErrors).toEqual([]);
  const purchaseOrder = created.purchaseOrderCreate.purchaseOrder;
  const transfer = created.inventoryTransferCreate.inventoryTransfer;
  expect(parseGlobalId(purchaseOrder.id)?.type).toBe('PurchaseOrder');
  expect(parseGlobalId(transfer.id)?.type).toBe('InventoryTransfer');

  const NODES = `query($po: ID!, $tr: ID!) {
    po: node(id: $po) { __typename id ... on PurchaseOrder { number } }
    tr: node(id: $tr) { __typename id ... on InventoryTransfer { number } }
    both: nodes(ids: [$po, $tr]) { id ... on PurchaseOrder { number } ... on InventoryTransfer { number } } }`;
  const ids = { po: purchaseOrder.id, tr: transfer.id };
  expect(await gqlData(url, NODES, ids, await bearer(Role.STAFF, { locationId: to }))).toEqual({
    po: { __typename: 'PurchaseOrder', ...purchaseOrder },
    tr: { __typename: 'InventoryTransfer', ...transfer },
    both: [purchaseOrder, transfer],
  });
  // A customer (and anyone signed out) gets null, as purchaseOrder(id) and inventoryTransfer(id) refuse them,
  // exactly as for ids that name nothing: nothing of either document, nor whether it exists, comes back.
  const unknown = { po: toGlobalId('PurchaseOrder', randomUUID()), tr: toGlobalId('InventoryTransfer', randomUUID()) };
  for (const headers of [await bearer(Role.CUSTOMER), ANONYMOUS]) {
    const refused = await gql(url, NODES, ids, headers);
    expect(refused.data).toEqual({ po: null, tr: null, both: [null, null] });
    expect(JSON.stringify(refused)).not.toMatch(new RegExp(`${purchaseOrder.number}|${transfer.number}`));
    expect((await gql(url, NODES, unknown, headers)).data).toEqual(refused.data);
  }
});

it('names the level a mutation changed by the id the catalog page showed, so a normalised cache updates it', async () => {
  const page = await gqlData(
    url,
    `{ products(first: 1) { nodes { variants(first: 1) { nodes { sku inventory { levels { id onHand location { id } } } } } } } }`,
  );
  const variant = page.products.nodes[0].variants.nodes[0];
  const level = variant.inventory.levels[0];
  const adjusted = await gqlData(
    url,
    ADJUST_STOCK,
    { input: { sku: variant.sku, locationId: level.location.id, delta: 3, reason: 'RECEIVED' } },
    await asAdmin(),
  );
  expect(adjusted.inventoryAdjust.userErrors).toEqual([]);
  const changed = await gqlData(url, `query($id: ID!) { inventoryLevel(id: $id) { id onHand } }`, { id: level.id });
  expect(changed.inventoryLevel).toEqual({ id: level.id, onHand: level.onHand + 3 });
});

it('introspects one schema: the subscriptions the gateway serves itself are in it', async () => {
  const { __schema } = await gqlData(url, `{ __schema { subscriptionType { name fields { name } } } }`);
  expect(__schema.subscriptionType.name).toBe('Subscription');
  expect(__schema.subscriptionType.fields.map((f: { name: string }) => f.name)).toEqual([
    'stockChanged',
    'lowStockAlert',
    'fulfillmentOrdersChanged',
  ]);
  const { __type } = await gqlData(url, `{ __type(name: "StockChange") { fields { name } } }`);
  expect(__type.fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['levelId', 'level']));
});

it('pages backward with last and before (Relay), where a list supports it', async () => {
  const all = (await gqlData(url, `{ locations(first: 50) { edges { cursor node { id } } } }`)).locations.edges as {
    cursor: string;
    node: { id: string };
  }[];
  expect(all.length).toBeGreaterThanOrEqual(3);
  const last = await gqlData(url, `{ locations(last: 2) { nodes { id } pageInfo { hasPreviousPage hasNextPage } } }`);
  expect(last.locations.nodes).toEqual(all.slice(-2).map((e) => e.node));
  expect(last.locations.pageInfo).toEqual({ hasPreviousPage: all.length > 2, hasNextPage: false });
  const before = await gqlData(url, `query($c: String) { locations(last: 2, before: $c) { nodes { id } pageInfo { hasNextPage } } }`, {
    c: all.at(-1)!.cursor,
  });
  expect(before.locations.nodes).toEqual(all.slice(-3, -1).map((e) => e.node));
  expect(before.locations.pageInfo.hasNextPage).toBe(true);
  const products = (await gqlData(url, `{ products(first: 10, sortKey: PRICE) { edges { cursor node { id } } } }`)).products.edges as {
    cursor: string;
    node: { id: string };
  }[];
  const cheaper = await gqlData(url, `query($c: String) { products(last: 3, before: $c, sortKey: PRICE) { nodes { id } } }`, {
    c: products[9].cursor,
  });
  expect(cheaper.products.nodes).toEqual(products.slice(6, 9).map((e) => e.node));
  const refused = await gql(url, `{ products(first: 2, last: 2) { nodes { id } } }`);
  expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

it("pages a product's variants, purchase orders, transfers, levels, the ledger, customers and cart lines backward too", async () => {
  const { products } = await gqlData(
    url,
    `{ products(first: 10, sortKey: TITLE) { nodes { handle variants(first: 40) { edges { cursor node { id } } } } } }`,
  );
  const product = (products.nodes as { handle: string; variants: { edges: { cursor: string; node: { id: string } }[] } }[]).find(
    (p) => p.variants.edges.length >= 3,
  )!;
  const variants = product.variants.edges;
  const page = await gqlData(
    url,
    `query($h: String, $c: String) { product(handle: $h) { variants(last: 2, before: $c) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } } }`,
    {
      h: product.handle,
      c: variants.at(-1)!.cursor,
    },
  );
  expect(page.product.variants.nodes).toEqual(variants.slice(-3, -1).map((e) => e.node));
  expect(page.product.variants.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: variants.length > 3 });

  const { product: withSkus } = await gqlData(url, `query($h: String) { product(handle: $h) { variants(first: 3) { nodes { sku } } } }`, {
    h: product.handle,
  });
  const cartLines = (withSkus.variants.nodes as { sku: string }[]).map(({ sku: lineSku }) => ({ sku: lineSku, quantity: 1 }));
  const { cartCreate } = await gqlData(
    url,
    `mutation($lines: [CartLineInput!]) { cartCreate(input: { channel: WEB, lines: $lines }) { cart { id } userErrors { code } } }`,
    { lines: cartLines },
  );
  expect(cartCreate.userErrors).toEqual([]);
  const cartQuery = `query($id: ID!, $c: String) {
    forward: cart(id: $id) { lines(first: 10) { edges { cursor node { id } } } }
    back: cart(id: $id) { lines(last: 2, before: $c) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } } }`;
  const { forward } = await gqlData(url, cartQuery, { id: cartCreate.cart.id, c: null });
  const lineEdges = forward.lines.edges as { cursor: string; node: { id: string } }[];
  expect(lineEdges).toHaveLength(3);
  const { back: backLines } = await gqlData(url, cartQuery, { id: cartCreate.cart.id, c: lineEdges[2].cursor });
  expect(backLines.lines.nodes).toEqual(lineEdges.slice(0, 2).map((e) => e.node));
  expect(backLines.lines.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });

  const admin = await asAdmin();
  const location = (await gqlData(url, `{ locations(first: 1) { nodes { id } } }`)).locations.nodes[0].id as string;
  const { productVariant } = await gqlData(url, `query($id: ID) { productVariant(id: $id) { sku } }`, { id: variants[0].node.id });
  const sku = productVariant.sku as string;
  for (const supplier of ['Backward A', 'Backward B', 'Backward C']) {
    const created = await gqlData(
      url,
      `mutation($input: PurchaseOrderCreateInput!) { purchaseOrderCreate(input: $input) { userErrors { code } } }`,
      { input: { supplier, locationId: location, lines: [{ sku, quantity: 1 }] } },
      admin,
    );
    expect(created.purchaseOrderCreate.userErrors).toEqual([]);
  }
  const all = (await gqlData(url, `{ purchaseOrders(first: 250) { edges { cursor node { id } } } }`, {}, admin)).purchaseOrders.edges as {
    cursor: string;
    node: { id: string };
  }[];
  const last = await gqlData(url, `{ purchaseOrders(last: 2) { nodes { id } } inventoryTransfers(last: 2) { nodes { id } } }`, {}, admin);
  expect(last.purchaseOrders.nodes).toEqual(all.slice(-2).map((e) => e.node));
  const before = await gqlData(
    url,
    `query($c: String) { purchaseOrders(last: 1, before: $c) { nodes { id } } }`,
    { c: all.at(-1)!.cursor },
    admin,
  );
  expect(before.purchaseOrders.nodes).toEqual([all.at(-2)!.node]);

  const stock = await gqlData(
    url,
    `query($sku: String) { inventoryLevels(sku: $sku, first: 10) { edges { cursor node { id } } } stockMovements(sku: $sku, first: 50) { nodes { id } } }`,
    { sku },
    admin,
  );
  const levels = stock.inventoryLevels.edges as { cursor: string; node: { id: string } }[];
  expect(levels.length).toBeGreaterThanOrEqual(3);
  const back = await gqlData(
    url,
    `query($sku: String, $c: String) { inventoryLevels(sku: $sku, last: 2, before: $c) { nodes { id } } stockMovements(sku: $sku, last: 2) { nodes { id } } }`,
    { sku, c: levels.at(-1)!.cursor },
    admin,
  );
  expect(back.inventoryLevels.nodes).toEqual(levels.slice(-3, -1).map((e) => e.node));
  expect(back.stockMovements.nodes).toEqual(stock.stockMovements.nodes.slice(-2));

  for (const n of [1, 2, 3]) {
    const signUp = await gqlData(
      url,
      `mutation($email: String) { customerCreate(input: { email: $email, password: "correct-horse-42" }) { userErrors { code } } }`,
      { email: `backward-${n}@example.com` },
    );
    expect(signUp.customerCreate.userErrors).toEqual([]);
  }
  const customers = (await gqlData(url, `{ customers(first: 100) { edges { cursor node { id } } } }`, {}, admin)).customers.edges as {
    cursor: string;
    node: { id: string };
  }[];
  expect(customers.length).toBeGreaterThanOrEqual(3);
  const earlier = await gqlData(
    url,
    `query($c: String) { customers(last: 2, before: $c) { nodes { id } } }`,
    { c: customers.at(-1)!.cursor },
    admin,
  );
  expect(earlier.customers.nodes).toEqual(customers.slice(-3, -1).map((e) => e.node));
});

it('gives channel identities ids, so a cached customer keeps one copy of each', async () => {
  // Staff get the new customer back; an anonymous sign-up answers no customer.
  const admin = await asAdmin();
  const created = await gqlData(
    url,
    `mutation { customerCreate(input: { email: "identity-ids@example.com", password: "correct-horse-42" }) { customer { id } userErrors { code } } }`,
    {},
    admin,
  );
  expect(created.customerCreate.userErrors).toEqual([]);
  const read = () =>
    gqlData(url, `query($id: ID!) { customer(id: $id) { identities { id channel } } }`, { id: created.customerCreate.customer.id }, admin);
  const first = (await read()).customer.identities as { id: string; channel: string }[];
  expect(first.length).toBeGreaterThan(0);
  for (const identity of first) expect(parseGlobalId(identity.id)?.type).toBe('ChannelIdentity');
  // The same identity answers the same id on every read.
  expect((await read()).customer.identities).toEqual(first);
});
