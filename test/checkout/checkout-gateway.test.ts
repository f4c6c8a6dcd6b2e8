import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { gqlData } from '../support/graphql-client';
import { dbId } from '../support/ids';
import { internalCalls } from '../support/internal-calls';
import { createStockedProduct, locationsByName, newCustomer, offerPickup, PAYLOAD, shippedCart } from '../support/carts';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { ANONYMOUS, bearer, type AuthHeaders } from '../support/tokens';

/**
 * A cart to a paid order through the gateway, as a storefront does it: lines, delivery, a card;
 * then the order as the customer sees it, and the cart answering every later checkout with it.
 */
let system: SupergraphHarness;
let admin: AuthHeaders;
let berlin: string;

beforeAll(async () => {
  system = await startSupergraph();
  admin = await bearer(Role.ADMIN);
  const stores = await locationsByName(system);
  berlin = stores['Velocity Cycles Berlin Mitte'].id;
  await createStockedProduct(system, admin, { sku: 'CK-A', price: '60.00', stock: { [berlin]: 5 } });
  await createStockedProduct(system, admin, { sku: 'CK-HOT', price: '10.00', stock: { [berlin]: 3 } });
  await createStockedProduct(system, admin, { sku: 'CK-CALLS', price: '20.00', stock: { [berlin]: 5 } });
}, 120_000);
afterAll(() => system?.close());

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: AuthHeaders) =>
  gqlData<T>(system.gateway.url, query, variables, headers);

const COMPLETE = `mutation($cartId: ID!, $input: CheckoutCompleteInput!, $key: String!) {
  checkoutComplete(cartId: $cartId, input: $input, idempotencyKey: $key) {
    order { id number email financialStatus fulfillmentStatus fulfillmentMethod totals { total { amount } subtotal { amount } taxTotal { amount } }
      lines { sku title quantity total { amount } taxLines { title amount { amount } } } payments { method amount { amount } captured { amount } status } }
    userErrors { field message code } } }`;

async function pickupCart(sku: string, quantity: number, headers: AuthHeaders): Promise<{ id: string; total: string }> {
  const created = await api(
    `mutation($sku: String!, $q: Int!) { cartCreate(input: { channel: WEB, lines: [{ sku: $sku, quantity: $q }] }) { ${PAYLOAD} } }`,
    { sku, q: quantity },
    headers,
  );
  expect(created.cartCreate.userErrors).toEqual([]);
  const id = created.cartCreate.cart.id as string;
  const delivered = await api(
    `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle }) { ${PAYLOAD} } }`,
    { id, handle: `PICKUP:${berlin}` },
    headers,
  );
  expect(delivered.cartDeliveryUpdate.userErrors).toEqual([]);
  return { id, total: delivered.cartDeliveryUpdate.cart.cost.total.amount as string };
}

it('a signed-in customer takes a cart to a paid order; the cart answers later checkouts with it; the order is theirs alone', async () => {
  const ada = await newCustomer(system, 'ada.checkout@example.com');
  const cart = await pickupCart('CK-A', 2, ada.headers);
  const input = {
    payments: [{ method: 'TEST_CARD', amount: { amount: cart.total }, cardNumber: '4242424242424242' }],
    expectedTotal: { amount: cart.total },
  };
  const key = randomUUID();
  const done = await api(COMPLETE, { cartId: cart.id, input, key }, ada.headers);
  expect(done.checkoutComplete.userErrors).toEqual([]);
  const order = done.checkoutComplete.order;
  expect(order).toMatchObject({
    number: expect.stringMatching(/^#1\d{3,}$/),
    financialStatus: 'PAID',
    fulfillmentStatus: 'UNFULFILLED',
    fulfillmentMethod: 'PICKUP',
    totals: { total: { amount: cart.total } },
    lines: [{ sku: 'CK-A', title: 'Cart test CK-A', quantity: 2, total: { amount: '120.00' } }],
    payments: [{ method: 'TEST_CARD', amount: { amount: cart.total }, captured: { amount: cart.total }, status: 'CAPTURED' }],
  });
  // The same key replays; another key on the completed cart answers the same order.
  expect((await api(COMPLETE, { cartId: cart.id, input, key }, ada.headers)).checkoutComplete.order.id).toBe(order.id);
  expect((await api(COMPLETE, { cartId: cart.id, input, key: randomUUID() }, ada.headers)).checkoutComplete.order.id).toBe(order.id);
  const status = await api(`query($id: ID!) { cart(id: $id) { status } }`, { id: cart.id }, ada.headers);
  expect(status.cart.status).toBe('COMPLETED');
  const mine = await api(`query($id: ID!) { customer(id: $id) { orders(first: 5) { nodes { id number } } } }`, { id: ada.id }, ada.headers);
  expect(mine.customer.orders.nodes).toEqual([{ id: order.id, number: order.number }]);
  // The order names its customer and store; the customers and inventory subgraphs complete them.
  const linked = await api(
    `query($id: ID!) { order(id: $id) { customer { id email } pickupLocation { id name } } }`,
    { id: order.id },
    ada.headers,
  );
  expect(linked.order).toEqual({
    customer: { id: ada.id, email: 'ada.checkout@example.com' },
    pickupLocation: { id: berlin, name: 'Velocity Cycles Berlin Mitte' },
  });
  const other = await newCustomer(system, 'eve.checkout@example.com');
  expect((await api(`query($id: ID!) { order(id: $id) { id } }`, { id: order.id }, other.headers)).order).toBeNull();
});

it('reads the catalog and the discounts once; the stock only to route a shipped order, a collected one not at all', async () => {
  const guest = ANONYMOUS;
  const email = 'calls@example.com';
  const pay = (total: string) => ({
    email,
    payments: [{ method: 'TEST_CARD', amount: { amount: total }, cardNumber: '4242424242424242' }],
  });
  const reads = ['VariantsForPricing', 'DiscountsEvaluate', 'StockAvailability'];
  const complete = async (cartId: string, total: string) => {
    let answer: Record<string, any> = {};
    const calls = await internalCalls(reads, async () => {
      answer = await api(COMPLETE, { cartId, input: pay(total), key: randomUUID() }, guest);
    });
    expect(answer.checkoutComplete.userErrors).toEqual([]);
    return { calls, order: answer.checkoutComplete.order };
  };
  const priced = { VariantsForPricing: 1, DiscountsEvaluate: 1 };

  // Collected: taxed where the store was when it was chosen; the hold at the store checks the rest.
  const collected = await pickupCart('CK-CALLS', 1, guest);
  expect(await complete(collected.id, collected.total)).toMatchObject({
    calls: priced,
    order: { fulfillmentMethod: 'PICKUP', totals: { total: { amount: collected.total } } },
  });

  // Shipped: the price depends on no stock, so only the routing reads it.
  const shipped = await shippedCart(system, guest, { sku: 'CK-CALLS', quantity: 1 });
  expect(await complete(shipped.id, shipped.total)).toMatchObject({
    calls: { ...priced, StockAvailability: 1 },
    order: { fulfillmentMethod: 'SHIP', totals: { total: { amount: shipped.total } } },
  });
});

it('refuses a pickup at a store that stopped offering it after it was chosen, and holds nothing', async () => {
  const cart = await pickupCart('CK-CALLS', 2, ANONYMOUS);
  const reserved = async () => {
    const levels = await api(`{ inventoryLevels(first: 50, skus: ["CK-CALLS"]) { nodes { reserved location { id } } } }`, {}, admin);
    return (
      (levels.inventoryLevels.nodes as { reserved: number; location: { id: string } }[]).find((l) => l.location.id === berlin)?.reserved ??
      0
    );
  };
  const before = await reserved();
  const input = {
    email: 'closed.store@example.com',
    payments: [{ method: 'TEST_CARD', amount: { amount: cart.total }, cardNumber: '4242424242424242' }],
  };
  await offerPickup(system, berlin, false);
  try {
    const refused = await api(COMPLETE, { cartId: cart.id, input, key: randomUUID() }, ANONYMOUS);
    expect(refused.checkoutComplete).toEqual({
      order: null,
      userErrors: [{ field: ['cartId'], message: expect.stringMatching(/does not offer pickup/), code: 'DELIVERY_NOT_AVAILABLE' }],
    });
    expect(await reserved()).toBe(before);
    const still = await api(`query($id: ID!) { cart(id: $id) { status } }`, { id: cart.id }, ANONYMOUS);
    expect(still.cart.status).toBe('OPEN');
  } finally {
    await offerPickup(system, berlin, true);
  }
  // Offered again: the same cart goes through.
  const done = await api(COMPLETE, { cartId: cart.id, input, key: randomUUID() }, ANONYMOUS);
  expect(done.checkoutComplete.userErrors).toEqual([]);
  expect(await reserved()).toBe(before + 2);
});

it('taxes a pickup where the cart keeps its store to be, on the cart and in its order alike, until it is told otherwise', async () => {
  const cart = await pickupCart('CK-CALLS', 1, ANONYMOUS);
  const inventory = (text: string) =>
    system.servers.inventory.orm.em
      .fork()
      .getConnection()
      .execute(text, [dbId(berlin)]);
  const cost = async () =>
    (await api(`query($id: ID!) { cart(id: $id) { cost { total { amount } taxCountryCode } } }`, { id: cart.id }, ANONYMOUS)).cart.cost;
  expect(await cost()).toEqual({ total: { amount: cart.total }, taxCountryCode: 'DE' });
  // The store's row is moved to Austria behind inventory's back (no event): the cart keeps what it was told.
  await inventory(`update inventory.location set address_country_code = 'AT' where id = ?`);
  try {
    expect(await cost()).toEqual({ total: { amount: cart.total }, taxCountryCode: 'DE' });
    const input = {
      email: 'moved.store@example.com',
      payments: [{ method: 'TEST_CARD', amount: { amount: cart.total }, cardNumber: '4242424242424242' }],
      expectedTotal: { amount: cart.total },
    };
    const done = await api(COMPLETE, { cartId: cart.id, input, key: randomUUID() }, ANONYMOUS);
    expect(done.checkoutComplete.userErrors).toEqual([]);
    expect(done.checkoutComplete.order.lines[0].taxLines).toEqual([{ title: expect.stringMatching(/19/), amount: expect.any(Object) }]);
    // A new cart choosing the store takes its address as it is now.
    const again = await pickupCart('CK-CALLS', 1, ANONYMOUS);
    const now = await api(`query($id: ID!) { cart(id: $id) { cost { taxCountryCode } } }`, { id: again.id }, ANONYMOUS);
    expect(now.cart.cost.taxCountryCode).toBe('AT');
  } finally {
    await inventory(`update inventory.location set address_country_code = 'DE' where id = ?`);
  }
});

it("a store's corrected address reaches the open carts that chose it, on the cart and in its order alike", async () => {
  await createStockedProduct(system, admin, { sku: 'CK-MOVED', price: '20.00', stock: { [berlin]: 1 } });
  const cart = await pickupCart('CK-MOVED', 1, ANONYMOUS);
  const cost = async () =>
    (await api(`query($id: ID!) { cart(id: $id) { cost { total { amount } taxCountryCode } } }`, { id: cart.id }, ANONYMOUS)).cart.cost;
  expect(await cost()).toEqual({ total: { amount: cart.total }, taxCountryCode: 'DE' });
  const ADDRESS = 'address1 address2 city province postalCode countryCode';
  const { location } = await api(`query($id: ID!) { location(id: $id) { address { ${ADDRESS} } } }`, { id: berlin }, admin);
  const move = async (countryCode: string) => {
    const moved = await api(
      `mutation($id: ID!, $address: AddressInput!) { locationUpdate(id: $id, input: { address: $address }) { userErrors { code } } }`,
      { id: berlin, address: { ...location.address, countryCode } },
      admin,
    );
    expect(moved.locationUpdate.userErrors).toEqual([]);
  };
  // Corrected in inventory, through its API: the change reaches the cart through inventory's outbox.
  await move('AT');
  try {
    let taxed = await cost();
    for (let i = 0; i < 100 && taxed.taxCountryCode !== 'AT'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      taxed = await cost();
    }
    expect(taxed.taxCountryCode).toBe('AT');
    const input = {
      email: 'corrected.store@example.com',
      payments: [{ method: 'TEST_CARD', amount: { amount: taxed.total.amount }, cardNumber: '4242424242424242' }],
      expectedTotal: { amount: taxed.total.amount },
    };
    const done = await api(COMPLETE, { cartId: cart.id, input, key: randomUUID() }, ANONYMOUS);
    expect(done.checkoutComplete.userErrors).toEqual([]);
    // Austria's standard rate, 20%, where Germany's is 19%.
    expect(done.checkoutComplete.order.lines[0].taxLines).toEqual([{ title: expect.stringMatching(/20/), amount: expect.any(Object) }]);
  } finally {
    await move(location.address.countryCode as string);
  }
});

it('refuses bad input with clear userErrors and leaves the cart open', async () => {
  const cart = await pickupCart('CK-A', 1, ANONYMOUS);
  const attempt = (input: Record<string, unknown>) => api(COMPLETE, { cartId: cart.id, input, key: randomUUID() }, ANONYMOUS);
  const card = (amount: string, cardNumber = '4242424242424242') => ({ method: 'TEST_CARD', amount: { amount }, cardNumber });
  const noEmail = await attempt({ payments: [card(cart.total)] });
  expect(noEmail.checkoutComplete.userErrors.map((e: { code: string }) => e.code)).toEqual(['EMAIL_REQUIRED']);
  const short = await attempt({ email: 'guest@example.com', payments: [card('1.00')] });
  expect(short.checkoutComplete.userErrors.map((e: { code: string }) => e.code)).toEqual(['PAYMENT_MISMATCH']);
  const declined = await attempt({ email: 'guest@example.com', payments: [card(cart.total, '4000000000000002')] });
  expect(declined.checkoutComplete.userErrors.map((e: { code: string }) => e.code)).toEqual(['PAYMENT_DECLINED']);
  const credit = await attempt({ email: 'guest@example.com', payments: [{ method: 'STORE_CREDIT', amount: { amount: cart.total } }] });
  expect(credit.checkoutComplete.userErrors.map((e: { code: string }) => e.code)).toEqual(['CUSTOMER_REQUIRED']);
  const unknownCard = await attempt({
    email: 'guest@example.com',
    payments: [{ method: 'GIFT_CARD', amount: { amount: cart.total }, giftCardCode: 'NOPE-NOPE' }],
  });
  expect(unknownCard.checkoutComplete.userErrors.map((e: { code: string }) => e.code)).toEqual(['GIFT_CARD_UNUSABLE']);
  const status = await api(`query($id: ID!) { cart(id: $id) { status } }`, { id: cart.id }, ANONYMOUS);
  expect(status.cart.status).toBe('OPEN');
  const guest = await attempt({ email: 'guest@example.com', payments: [card(cart.total)] });
  expect(guest.checkoutComplete.userErrors).toEqual([]);
  expect(guest.checkoutComplete.order.email).toBe('guest@example.com');
});

it('buyers racing for the last units: as many orders as units, the rest OUT_OF_STOCK, nothing held but the orders’ units', async () => {
  const carts = await Promise.all(Array.from({ length: 8 }, () => pickupCart('CK-HOT', 1, ANONYMOUS)));
  const answers = await Promise.all(
    carts.map((cart) =>
      api(
        COMPLETE,
        {
          cartId: cart.id,
          input: {
            email: 'rush@example.com',
            payments: [{ method: 'TEST_CARD', amount: { amount: cart.total }, cardNumber: '4242424242424242' }],
          },
          key: randomUUID(),
        },
        ANONYMOUS,
      ),
    ),
  );
  const won = answers.filter((a) => a.checkoutComplete.order);
  const lost = answers.filter((a) => !a.checkoutComplete.order);
  expect(won).toHaveLength(3);
  expect(lost.map((a) => a.checkoutComplete.userErrors[0].code)).toEqual(Array(5).fill('OUT_OF_STOCK'));
  const levels = await api(`{ inventoryLevels(first: 50) { nodes { sku reserved available location { id } } } }`, {}, admin);
  const hot = (levels.inventoryLevels.nodes as { sku: string; reserved: number; available: number }[]).filter((l) => l.sku === 'CK-HOT');
  // The three orders hold their units at the store until they are picked up; nothing else is held.
  expect(hot.reduce((sum, l) => sum + l.reserved, 0)).toBe(3);
  expect(hot.reduce((sum, l) => sum + l.available, 0)).toBe(0);
});

it('segments over what customers ordered: spent at least, orders at least, ordered within', async () => {
  const bea = await newCustomer(system, 'bea.segments@example.com');
  const cart = await pickupCart('CK-A', 1, bea.headers);
  const payments = [{ method: 'TEST_CARD', amount: { amount: cart.total }, cardNumber: '4242424242424242' }];
  const done = await api(COMPLETE, { cartId: cart.id, input: { payments }, key: randomUUID() }, bea.headers);
  expect(done.checkoutComplete.userErrors).toEqual([]);
  const manager = await bearer(Role.MANAGER);
  const segment = async (name: string, rules: Record<string, unknown>) => {
    const created = await api(
      `mutation($input: SegmentCreateInput!) { segmentCreate(input: $input) { segment { id rules { spentAtLeast ordersAtLeast orderedWithinDays } } userErrors { field code } } }`,
      { input: { name, rules } },
      manager,
    );
    return created.segmentCreate;
  };
  const spent = await segment('Spent 50', { spentAtLeast: '50.00', orderedWithinDays: 30 });
  expect(spent.segment.rules).toEqual({ spentAtLeast: '50.00', ordersAtLeast: null, orderedWithinDays: 30 });
  const regulars = await segment('Five orders', { ordersAtLeast: 5 });
  const big = await segment('Spent 1000', { spentAtLeast: '1000' });
  expect((await segment('Broken', { spentAtLeast: '0', ordersAtLeast: 0 })).userErrors.map((e: { field: string[] }) => e.field)).toEqual([
    ['input', 'rules', 'spentAtLeast'],
    ['input', 'rules', 'ordersAtLeast'],
  ]);
  // The customers subgraph learns of the order from the orders outbox.
  const member = async () =>
    (await api(`query($id: ID!) { customer(id: $id) { orderCount segments { id } } }`, { id: bea.id }, manager)).customer as {
      orderCount: number;
      segments: { id: string }[];
    };
  const deadline = Date.now() + 15_000;
  while ((await member()).orderCount < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const ids = (await member()).segments.map((s) => s.id);
  expect(ids).toContain(spent.segment.id);
  expect(ids).not.toContain(regulars.segment.id);
  expect(ids).not.toContain(big.segment.id);
});

it('lists orders for staff backward with last and before, in the same newest-first order', async () => {
  const all = (await api(`{ orders(first: 50) { edges { cursor node { id } } } }`, {}, admin)).orders.edges as {
    cursor: string;
    node: { id: string };
  }[];
  expect(all.length).toBeGreaterThanOrEqual(3);
  const back = await api(
    `query($c: String) { orders(last: 2, before: $c) { nodes { id } pageInfo { hasNextPage } } }`,
    { c: all.at(-1)!.cursor },
    admin,
  );
  expect(back.orders.nodes).toEqual(all.slice(-3, -1).map((e) => e.node));
  expect(back.orders.pageInfo.hasNextPage).toBe(true);
});

it('staff cancel a unit and the customer the rest, through the gateway with the ids it gave; the stock comes back', async () => {
  await createStockedProduct(system, admin, { sku: 'CK-CANCEL', price: '60.00', stock: { [berlin]: 4 } });
  const available = async () =>
    (await api(`{ productVariant(sku: "CK-CANCEL") { inventory { available } } }`, {}, admin)).productVariant.inventory.available as number;
  const bea = await newCustomer(system, 'bea.cancel@example.com');
  const cart = await pickupCart('CK-CANCEL', 2, bea.headers);
  const input = {
    payments: [{ method: 'TEST_CARD', amount: { amount: cart.total }, cardNumber: '4242424242424242' }],
    expectedTotal: { amount: cart.total },
  };
  const placed = await api(
    `mutation($cartId: ID!, $input: CheckoutCompleteInput!, $key: String!) {
      checkoutComplete(cartId: $cartId, input: $input, idempotencyKey: $key) { order { id lines { id } } userErrors { code } } }`,
    { cartId: cart.id, input, key: randomUUID() },
    bea.headers,
  );
  const order = placed.checkoutComplete.order;
  expect(await available()).toBe(2);
  const RESULT = `order { status financialStatus lines { quantityCancelled } } refundTotal { amount } userErrors { field code }`;
  const line = await api(
    `mutation($orderId: ID!, $lines: [OrderLineCancelInput!]!, $key: String!) {
      orderLinesCancel(orderId: $orderId, lines: $lines, reason: "One was damaged", idempotencyKey: $key) { ${RESULT} } }`,
    { orderId: order.id, lines: [{ orderLineId: order.lines[0].id, quantity: 1 }], key: randomUUID() },
    admin,
  );
  expect(line.orderLinesCancel).toEqual({
    order: { status: 'OPEN', financialStatus: 'PARTIALLY_REFUNDED', lines: [{ quantityCancelled: 1 }] },
    refundTotal: { amount: '60.00' },
    userErrors: [],
  });
  const rest = await api(
    `mutation($orderId: ID!, $key: String!) { orderCancel(orderId: $orderId, reason: "Changed my mind", idempotencyKey: $key) { ${RESULT} } }`,
    { orderId: order.id, key: randomUUID() },
    bea.headers,
  );
  expect(rest.orderCancel).toEqual({
    order: { status: 'CANCELLED', financialStatus: 'REFUNDED', lines: [{ quantityCancelled: 2 }] },
    refundTotal: { amount: '60.00' },
    userErrors: [],
  });
  expect(await available()).toBe(4);
});
