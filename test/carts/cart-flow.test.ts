import { Role } from '#platform/auth';
import { withAdminClient } from '#platform/db';
import { readMailbox } from '#platform/mail';
import { gqlData } from '../support/graphql-client';
import { dbId } from '../support/ids';
import { createStockedProduct, locationsByName, newCustomer, PAYLOAD } from '../support/carts';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { ANONYMOUS, bearer, type AuthHeaders } from '../support/tokens';

/**
 * A storefront's whole cart journey through the gateway: a cart on the phone, another as a guest
 * on the web, sign-in merges them, delivery is chosen, and the totals are exact to the cent.
 */
let system: SupergraphHarness;
let admin: AuthHeaders;
let stores: Awaited<ReturnType<typeof locationsByName>>;

beforeAll(async () => {
  system = await startSupergraph();
  admin = await bearer(Role.ADMIN);
  stores = await locationsByName(system);
  const berlin = stores['Velocity Cycles Berlin Mitte'].id;
  const leipzig = stores['Central Warehouse Leipzig'].id;
  await createStockedProduct(system, admin, { sku: 'CT-A', price: '60.00', compareAt: '75.00', stock: { [berlin]: 1, [leipzig]: 4 } });
  await createStockedProduct(system, admin, { sku: 'CT-B', price: '25.00', taxClass: 'REDUCED', stock: { [leipzig]: 1 } });
});
afterAll(() => system?.close());

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: AuthHeaders) =>
  gqlData<T>(system.gateway.url, query, variables, headers);

it('builds a guest cart, merges it with the phone cart on sign-in, ships it and prices it exactly', async () => {
  const ada = await newCustomer(system, 'ada.cart@example.com');

  const phone = await api(
    `mutation { cartCreate(input: { channel: APP, lines: [{ sku: "CT-A", quantity: 1 }] }) { ${PAYLOAD} } }`,
    {},
    ada.headers,
  );
  expect(phone.cartCreate.userErrors).toEqual([]);
  const phoneCart = phone.cartCreate.cart;
  expect(phoneCart.buyerIdentity.customer).toEqual({ id: ada.id });

  const guest = await api(
    `mutation { cartCreate(input: { channel: WEB, lines: [{ sku: "CT-A", quantity: 1 }, { sku: "CT-B", quantity: 2 }], discountCodes: ["ride10"] }) { ${PAYLOAD} } }`,
    {},
    ANONYMOUS,
  );
  expect(guest.cartCreate.userErrors).toEqual([]);
  const guestCart = guest.cartCreate.cart;
  // Global, around a 32-character random token: all a guest holds.
  expect(guestCart.id).toMatch(/^gid:\/\/commerce\/Cart\/[A-Za-z0-9_-]{32}$/);
  expect(guestCart.lines.nodes.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
    ['CT-A', 1],
    ['CT-B', 2],
  ]);
  expect(guestCart.warnings).toEqual([expect.objectContaining({ code: 'NOT_ENOUGH_STOCK', quantityAvailable: 1 })]);
  expect(guestCart.lines.nodes[0].compareAtPrice).toEqual({ amount: '75.00' });

  const signedIn = await api(
    `mutation($id: ID!) { cartBuyerIdentityUpdate(cartId: $id, buyerIdentity: { email: "ada.cart@example.com", countryCode: "DE" }) { ${PAYLOAD} } }`,
    { id: guestCart.id },
    ada.headers,
  );
  expect(signedIn.cartBuyerIdentityUpdate.userErrors).toEqual([]);
  const merged = signedIn.cartBuyerIdentityUpdate.cart;
  expect(merged.id).toBe(phoneCart.id);
  expect(merged.channel).toBe('WEB');
  expect(merged.lines.nodes.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
    ['CT-A', 2],
    ['CT-B', 2],
  ]);
  expect(merged.discountCodes).toEqual([{ code: 'RIDE10', applicable: true, reason: null }]);

  const old = await api(`query($id: ID!) { cart(id: $id) { status } }`, { id: guestCart.id }, ada.headers);
  expect(old.cart).toEqual({ status: 'MERGED' });
  const active = await api(`query($id: ID!) { customer(id: $id) { activeCart { id } } }`, { id: ada.id }, ada.headers);
  expect(active.customer.activeCart).toEqual({ id: phoneCart.id });

  const express = merged.deliveryOptions.find((o: { method: string; title: string }) => o.method === 'SHIP' && o.title === 'Express');
  expect(express).toMatchObject({ price: { amount: '12.95' }, minDays: 1, maxDays: 1 });
  const shipped = await api(
    `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle, address: { address1: "Torstraße 1", city: "Berlin", countryCode: "DE" } }) { ${PAYLOAD} } }`,
    { id: phoneCart.id, handle: express.handle },
    ada.headers,
  );
  expect(shipped.cartDeliveryUpdate.userErrors).toEqual([]);
  const cart = shipped.cartDeliveryUpdate.cart;
  // 2 × 60.00 + 2 × 25.00 = 170.00; RIDE10 takes 10 % of the order, split 12.00 / 5.00 over the lines;
  // express shipping (12.95) is free through the automatic free-shipping offer over 100.
  // Tax inside the prices: 108.00 × 19/119 = 17.24, 45.00 × 7/107 = 2.94.
  expect(cart.cost).toEqual({
    subtotal: { amount: '170.00', currencyCode: 'EUR' },
    discountTotal: { amount: '17.00' },
    shippingTotal: { amount: '0.00' },
    shippingDiscount: { amount: '12.95' },
    taxTotal: { amount: '20.18' },
    total: { amount: '153.00' },
    pricesIncludeTax: true,
    taxCountryCode: 'DE',
    taxLines: [
      { title: 'MwSt. 19 %', ratePercent: '19', amount: { amount: '17.24' } },
      { title: 'MwSt. 7 %', ratePercent: '7', amount: { amount: '2.94' } },
    ],
  });
  expect(cart.lines.nodes.map((l: { cost: unknown }) => l.cost)).toEqual([
    { subtotal: { amount: '120.00' }, discount: { amount: '12.00' }, tax: { amount: '17.24' }, total: { amount: '108.00' } },
    { subtotal: { amount: '50.00' }, discount: { amount: '5.00' }, tax: { amount: '2.94' }, total: { amount: '45.00' } },
  ]);
  expect(cart.delivery).toMatchObject({ method: 'SHIP', option: { title: 'Express' }, address: { countryCode: 'DE', city: 'Berlin' } });
});

it('lists an abandoned cart for staff, mails a recovery link that reopens it, and puts it on the timeline', async () => {
  const eve = await newCustomer(system, 'eve.cart@example.com');
  const { cartCreate } = await api(
    `mutation { cartCreate(input: { channel: WEB, lines: [{ sku: "CT-A", quantity: 1 }], buyerIdentity: { email: "eve.cart@example.com" } }) { ${PAYLOAD} } }`,
    {},
    eve.headers,
  );
  const cartId = cartCreate.cart.id as string;
  const staff = await bearer(Role.STAFF);
  const listed = async () =>
    (await api(`{ abandonedCarts(first: 50) { nodes { id buyerIdentity { email } } } }`, {}, staff)).abandonedCarts.nodes.map(
      (cart: { id: string }) => cart.id,
    );
  expect(await listed()).not.toContain(cartId);
  // Two hours without a change: past CART_ABANDONED_AFTER (60 minutes).
  await withAdminClient(system.db.url, (client) =>
    client.query(`update orders.cart set updated_at = now() - interval '2 hours' where id = $1`, [dbId(cartId)]),
  );
  expect(await listed()).toContain(cartId);

  const { cartRecoverySend } = await api(
    `mutation($id: ID!) { cartRecoverySend(cartId: $id) { cart { id } userErrors { code } } }`,
    { id: cartId },
    staff,
  );
  expect(cartRecoverySend).toEqual({ cart: { id: cartId }, userErrors: [] });
  const mail = (await readMailbox(system.mailDirectory)).find((message) => message.to.includes('eve.cart@example.com'));
  expect(mail?.subject).toBe('Your cart is waiting for you');
  const token = decodeURIComponent(/token=([^\s]+)/.exec(mail!.body)![1]);

  // Another device, not signed in: the link opens the same cart.
  const { cartRecover } = await api(`mutation($token: String!) { cartRecover(token: $token) { ${PAYLOAD} } }`, { token }, ANONYMOUS);
  expect(cartRecover.userErrors).toEqual([]);
  expect(cartRecover.cart.id).toBe(cartId);
  expect(cartRecover.cart.lines.nodes.map((line: { sku: string }) => line.sku)).toEqual(['CT-A']);
  expect(await listed()).not.toContain(cartId);

  const forged = await api(
    `mutation($token: String!) { cartRecover(token: $token) { cart { id } userErrors { code } } }`,
    { token: `${token}x` },
    ANONYMOUS,
  );
  expect(forged.cartRecover).toEqual({ cart: null, userErrors: [{ code: 'INVALID_RECOVERY_TOKEN' }] });

  // The customers subgraph reads cart.abandoned from the orders outbox onto Eve's timeline.
  let types: string[] = [];
  for (let attempt = 0; attempt < 100 && !types.includes('CART_ABANDONED'); attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    const { customer } = await api(`query($id: ID!) { customer(id: $id) { events(first: 10) { nodes { type } } } }`, { id: eve.id }, staff);
    types = customer.events.nodes.map((event: { type: string }) => event.type);
  }
  expect(types).toContain('CART_ABANDONED');
});

it('tells the shopper what changed since a line was added, and offers ship-to-store where the store lacks the stock', async () => {
  const hamburg = stores['Velocity Cycles Hamburg Altona'].id;
  const leipzig = stores['Central Warehouse Leipzig'].id;
  await createStockedProduct(system, admin, { sku: 'CT-PRICE', price: '40.00', stock: { [leipzig]: 3 } });
  await createStockedProduct(system, admin, { sku: 'CT-GONE', price: '15.00', stock: { [leipzig]: 3 } });
  const { cartCreate } = await api(
    `mutation { cartCreate(input: { channel: WEB, lines: [{ sku: "CT-PRICE", quantity: 1 }, { sku: "CT-GONE", quantity: 1 }], buyerIdentity: { countryCode: "DE" } }) { ${PAYLOAD} } }`,
    {},
    ANONYMOUS,
  );
  const cart = cartCreate.cart;
  expect(cart.warnings).toEqual([]);
  // Hamburg holds none of it; Leipzig can send it there.
  const toStore = (cart.deliveryOptions as { handle: string; method: string; location: { id: string } | null }[]).find(
    (o) => o.method === 'SHIP_TO_STORE' && o.location?.id === hamburg,
  );
  expect(toStore).toMatchObject({ handle: `SHIP_TO_STORE:${hamburg}`, quantityAvailableNow: 0 });
  const chosen = await api(
    `mutation($id: ID!, $h: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $h }) { ${PAYLOAD} } }`,
    { id: cart.id, h: toStore!.handle },
    ANONYMOUS,
  );
  expect(chosen.cartDeliveryUpdate.userErrors).toEqual([]);
  expect(chosen.cartDeliveryUpdate.cart.delivery).toMatchObject({ method: 'SHIP_TO_STORE', option: { handle: toStore!.handle } });
  expect(chosen.cartDeliveryUpdate.cart.warnings).toEqual([]);

  // The catalog changes under the cart: a new price, an archived product.
  const variants = await api(
    `{ a: productVariant(sku: "CT-PRICE") { id product { id } } b: productVariant(sku: "CT-GONE") { product { id } } }`,
    {},
    admin,
  );
  const repriced = await api(
    `mutation($id: ID!) { productVariantUpdate(input: { id: $id, price: { amount: "45.00" } }) { userErrors { code } } }`,
    { id: variants.a.id },
    admin,
  );
  expect(repriced.productVariantUpdate.userErrors).toEqual([]);
  const archived = await api(
    `mutation($id: ID!) { productUpdate(id: $id, input: { status: ARCHIVED }) { userErrors { code } } }`,
    { id: variants.b.product.id },
    admin,
  );
  expect(archived.productUpdate.userErrors).toEqual([]);
  const read = await api(`query($id: ID!) { cart(id: $id) { ${CART_READ} } }`, { id: cart.id }, ANONYMOUS);
  const lines = read.cart.lines.nodes as { id: string; sku: string; unitPrice: { amount: string }; cost: { total: { amount: string } } }[];
  const byCode = Object.fromEntries((read.cart.warnings as { code: string; lineId: string }[]).map((w) => [w.code, w.lineId]));
  expect(byCode).toEqual({
    PRICE_CHANGED: lines.find((l) => l.sku === 'CT-PRICE')!.id,
    PRODUCT_ARCHIVED: lines.find((l) => l.sku === 'CT-GONE')!.id,
  });
  // Priced at today's price; the archived line stays on the cart and counts nothing.
  expect(lines.find((l) => l.sku === 'CT-PRICE')!.unitPrice).toEqual({ amount: '45.00' });
  expect(lines.find((l) => l.sku === 'CT-GONE')!.cost.total).toEqual({ amount: '0.00' });
  expect(read.cart.cost.subtotal).toEqual({ amount: '45.00' });
});

const CART_READ = `id lines(first: 10) { nodes { id sku unitPrice { amount } cost { total { amount } } } }
  cost { subtotal { amount } } warnings { code lineId }`;
