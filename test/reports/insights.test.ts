import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { sql, type Orm } from '#platform/db';
import { ordersSubgraph } from '../../subgraphs/orders/src/subgraph';
import { locationsByName, newCustomer, shippedCart } from '../support/carts';
import { openTestOrm } from '../support/database';
import { gql, gqlData } from '../support/graphql-client';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { eventually } from '../support/processes';
import { ANONYMOUS, bearer, type AuthHeaders } from '../support/tokens';

/**
 * Insights over the sales ledger, through the gateway: till sales in two stores and a shipped web
 * order add up per channel and store; a cancelled line nets out; store staff see their own store
 * only; best sellers count net of cancellations; days begin at midnight in Berlin; and frequently
 * bought together ranks by lift, so the product in every basket does not top every list.
 */
let system: SupergraphHarness;
let orm: Orm;
let admin: AuthHeaders;
let berlin: string;
let hamburg: string;
const products: Record<string, string> = {};
const from = new Date(Date.now() - 3_600_000).toISOString();
const to = new Date(Date.now() + 3_600_000).toISOString();

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: AuthHeaders) =>
  gqlData<T>(system.gateway.url, query, variables, headers);

async function product(sku: string, price: string): Promise<void> {
  const { productCreate } = await api(
    `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } userErrors { code } } }`,
    {
      input: {
        title: `Insights ${sku}`,
        status: 'ACTIVE',
        taxClass: 'STANDARD',
        channels: ['WEB', 'POS'],
        variants: [{ sku, price: { amount: price } }],
      },
    },
    admin,
  );
  expect(productCreate.userErrors).toEqual([]);
  products[sku] = productCreate.product.id;
  for (const at of [berlin, hamburg]) {
    await api(
      `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`,
      { input: { sku, locationId: at, delta: 50, reason: 'RECEIVED' } },
      admin,
    );
  }
}

/** A till sale of one unit of each SKU, paid on the card terminal, for a known customer or none. */
async function tillSale(
  cashier: AuthHeaders,
  skus: string[],
  total: string,
  customerId?: string,
): Promise<{ id: string; lines: { id: string; sku: string }[] }> {
  const { posOrderCreate } = await api(
    `mutation($input: PosOrderCreateInput!, $key: String!) { posOrderCreate(input: $input, idempotencyKey: $key) {
      order { id lines { id sku } totals { total { amount } } } userErrors { code message } } }`,
    {
      input: {
        customerId,
        clientOrderId: randomUUID(),
        deviceId: 'insights-till',
        lines: skus.map((sku) => ({ sku, quantity: 1 })),
        payments: [{ method: 'CARD_EXTERNAL', amount: { amount: total }, reference: `T-${randomUUID()}` }],
      },
      key: randomUUID(),
    },
    cashier,
  );
  expect(posOrderCreate.userErrors).toEqual([]);
  expect(posOrderCreate.order.totals.total.amount).toBe(total);
  return posOrderCreate.order;
}

/** A web order of `quantity` × `sku`, shipped to Berlin and paid by test card, by a guest or a signed-in customer. */
async function webOrder(headers: AuthHeaders, sku: string, quantity: number, email: string) {
  const cart = await shippedCart(system, headers, { sku, quantity }, email);
  const total = cart.total;
  const placed = await api(
    `mutation($cartId: ID!, $input: CheckoutCompleteInput!, $key: String!) {
      checkoutComplete(cartId: $cartId, input: $input, idempotencyKey: $key) { order { id lines { id } } userErrors { code } } }`,
    {
      cartId: cart.id,
      input: { email, payments: [{ method: 'TEST_CARD', amount: { amount: total }, cardNumber: '4242424242424242' }] },
      key: randomUUID(),
    },
    headers,
  );
  expect(placed.checkoutComplete.userErrors).toEqual([]);
  return { order: placed.checkoutComplete.order as { id: string; lines: { id: string }[] }, total };
}

const cents = (amount: string) => Math.round(Number(amount) * 100);

const REPORT = `query($from: DateTime!, $to: DateTime!, $groupBy: [SalesReportDimension!]!, $filter: SalesReportFilter) {
  salesReport(from: $from, to: $to, groupBy: $groupBy, filter: $filter) {
    channel location { id } period grossSales { amount } discounts { amount } returns { amount } netSales { amount }
    taxes { amount } shipping { amount } total { amount } orders units averageOrderValue { amount } } }`;

let web: { total: string; refunded: string };
/** The first till sale of A, B and C in Berlin. */
let firstSale: { id: string; lines: { id: string; sku: string }[] };

beforeAll(async () => {
  system = await startSupergraph();
  orm = await openTestOrm(system.db, ordersSubgraph);
  admin = await bearer(Role.ADMIN);
  const stores = await locationsByName(system);
  berlin = stores['Velocity Cycles Berlin Mitte'].id;
  hamburg = stores['Velocity Cycles Hamburg Altona'].id;
  await product('INS-A', '10.00');
  await product('INS-B', '20.00');
  await product('INS-C', '5.00');
  await product('INS-D', '8.00');
  await product('INS-E', '12.00');

  // C is in every basket; A goes with B twice and with C three times; E with A once (below the minimum support).
  const inBerlin = await bearer(Role.STAFF, { locationId: berlin });
  const inHamburg = await bearer(Role.STAFF, { locationId: hamburg });
  firstSale = await tillSale(inBerlin, ['INS-A', 'INS-B', 'INS-C'], '35.00');
  await tillSale(inBerlin, ['INS-A', 'INS-B', 'INS-C'], '35.00');
  await tillSale(inBerlin, ['INS-A', 'INS-C'], '15.00');
  await tillSale(inHamburg, ['INS-C', 'INS-D'], '13.00');
  await tillSale(inHamburg, ['INS-C', 'INS-D'], '13.00');
  await tillSale(inHamburg, ['INS-C', 'INS-E'], '17.00');
  await tillSale(inHamburg, ['INS-C', 'INS-E'], '17.00');
  await tillSale(inHamburg, ['INS-A', 'INS-E'], '22.00');

  // A shipped web order of 3 × B, of which 2 are cancelled.
  const { order, total } = await webOrder(ANONYMOUS, 'INS-B', 3, 'ins@example.com');
  const cancelled = await api(
    `mutation($orderId: ID!, $lines: [OrderLineCancelInput!]!, $key: String!) {
      orderLinesCancel(orderId: $orderId, lines: $lines, reason: "Two were damaged", idempotencyKey: $key) {
        refundTotal { amount } userErrors { code } } }`,
    { orderId: order.id, lines: [{ orderLineId: order.lines[0].id, quantity: 2 }], key: randomUUID() },
    admin,
  );
  expect(cancelled.orderLinesCancel.userErrors).toEqual([]);
  web = { total, refunded: cancelled.orderLinesCancel.refundTotal.amount };
}, 180_000);
afterAll(async () => {
  await orm?.close();
  await system?.close();
});

it('adds up by channel and store to the orders placed, and nets a cancelled line as a return', async () => {
  const { salesReport } = await api(REPORT, { from, to, groupBy: ['CHANNEL', 'LOCATION'] }, admin);
  const byKey = new Map(salesReport.map((row: any) => [`${row.channel}/${row.location?.id ?? '-'}`, row]));
  expect(byKey.size).toBe(3);
  expect(byKey.get(`POS/${berlin}`)).toMatchObject({ total: { amount: '85.00' }, orders: 3, units: 8, returns: { amount: '0.00' } });
  expect(byKey.get(`POS/${hamburg}`)).toMatchObject({ total: { amount: '82.00' }, orders: 5, units: 10 });
  // Shipped: at no store; 3 sold, 2 cancelled; what is left is what was paid less what went back.
  const online: any = byKey.get('WEB/-');
  expect(online).toMatchObject({ orders: 1, units: 1 });
  expect(cents(online.total.amount)).toBe(cents(web.total) - cents(web.refunded));
  expect(cents(online.shipping.amount)).toBeGreaterThan(0);
  // 2 of 3 units of a 60.00 line (19% included): 40.00 back, 6.38 of it tax.
  expect(online.returns.amount).toBe('33.62');
  for (const row of salesReport) {
    expect(cents(row.grossSales.amount) - cents(row.discounts.amount) - cents(row.returns.amount)).toBe(cents(row.netSales.amount));
    expect(cents(row.netSales.amount) + cents(row.taxes.amount) + cents(row.shipping.amount)).toBe(cents(row.total.amount));
  }
  const { salesReport: whole } = await api(REPORT, { from, to, groupBy: [] }, admin);
  expect(whole).toHaveLength(1);
  expect(cents(whole[0].total.amount)).toBe(8500 + 8200 + cents(web.total) - cents(web.refunded));
  expect(whole[0].orders).toBe(9);
});

it('shows store staff their own store only, and refuses another store', async () => {
  const cashier = await bearer(Role.STAFF, { locationId: berlin });
  const { salesReport } = await api(REPORT, { from, to, groupBy: ['LOCATION'] }, cashier);
  expect(salesReport).toHaveLength(1);
  expect(salesReport[0]).toMatchObject({ location: { id: berlin }, total: { amount: '85.00' }, orders: 3 });
  const refused = await gql(system.gateway.url, REPORT, { from, to, groupBy: ['LOCATION'], filter: { locationId: hamburg } }, cashier);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const best = await gql(
    system.gateway.url,
    `query($from: DateTime!, $to: DateTime!, $at: ID) { bestSellers(from: $from, to: $to, locationId: $at) { units } }`,
    { from, to, at: hamburg },
    cashier,
  );
  expect(best.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const customer = await gql(system.gateway.url, REPORT, { from, to, groupBy: [] }, ANONYMOUS);
  expect(customer.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
});

it('ranks best sellers net of cancellations, by units or by net sales', async () => {
  const BEST = `query($from: DateTime!, $to: DateTime!, $by: BestSellerMeasure) {
    bestSellers(from: $from, to: $to, by: $by, first: 3) { product { id } units netSales { amount } } }`;
  const byUnits = (await api(BEST, { from, to, by: 'UNITS' }, admin)).bestSellers;
  // B sold 5 but 2 were cancelled: 3, behind A's 4.
  expect(byUnits.map((b: any) => [b.product.id, b.units])).toEqual([
    [products['INS-C'], 7],
    [products['INS-A'], 4],
    [products['INS-B'], 3],
  ]);
  const byNet = (await api(BEST, { from, to, by: 'NET_SALES' }, admin)).bestSellers;
  expect(byNet[0].product.id).toBe(products['INS-B']);

  const { product } = await api(
    `query($id: ID!, $from: DateTime!, $to: DateTime!) { product(id: $id) { salesByChannel(from: $from, to: $to) { channel units netSales { amount } } } }`,
    { id: products['INS-B'], from, to },
    admin,
  );
  // Two till sales of 20.00 (16.81 each without tax) against one web unit left of three.
  expect(product.salesByChannel).toEqual([
    { channel: 'POS', units: 2, netSales: { amount: '33.62' } },
    { channel: 'WEB', units: 1, netSales: { amount: '16.80' } },
  ]);
});

it("counts a sale on its day in the shop's time zone", async () => {
  const row = (occurredAt: string, netMinor: number) =>
    sql(
      orm.em.fork(),
      `insert into "orders"."sales_ledger_row" (kind, order_id, channel, product_id, quantity, gross_minor, discount_minor, net_minor, tax_minor, currency_code, occurred_at)
       values ('SALE', ?, 'WEB', 'tz-product', 1, ?, 0, ?, 0, 'EUR', ?)`,
      [randomUUID(), netMinor, netMinor, occurredAt],
    );
  await row('2026-01-15T22:30:00Z', 100); // 23:30 in Berlin: the 15th
  await row('2026-01-15T23:30:00Z', 200); // 00:30 in Berlin: the 16th
  await row('2026-01-18T23:30:00Z', 400); // Sunday 23:30 UTC is Monday in Berlin: the next week
  await row('2026-07-15T22:30:00Z', 800); // summer time: 00:30 on the 16th
  const report = async (groupBy: string[], start: string, end: string) =>
    (await api(REPORT, { from: start, to: end, groupBy, filter: { productId: 'tz-product' } }, admin)).salesReport.map((r: any) => [
      r.period,
      r.netSales.amount,
    ]);
  expect(await report(['DAY'], '2026-01-01T00:00:00Z', '2026-08-01T00:00:00Z')).toEqual([
    ['2026-01-15', '1.00'],
    ['2026-01-16', '2.00'],
    ['2026-01-19', '4.00'],
    ['2026-07-16', '8.00'],
  ]);
  expect(await report(['WEEK'], '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')).toEqual([
    ['2026-01-12', '3.00'],
    ['2026-01-19', '4.00'],
  ]);
  expect(await report(['MONTH'], '2026-01-01T00:00:00Z', '2026-08-01T00:00:00Z')).toEqual([
    ['2026-01-01', '7.00'],
    ['2026-07-01', '8.00'],
  ]);

  // A till offline since the evening of 20 November syncs a sale it made at 00:30 Berlin time: it counts on the 21st.
  const { posOrdersSync } = await api(
    `mutation($orders: [PosOfflineOrderInput!]!) { posOrdersSync(deviceId: "insights-till", orders: $orders) { results { status } } }`,
    {
      orders: [
        {
          clientOrderId: randomUUID(),
          soldAt: '2026-11-20T23:30:00.000Z',
          lines: [{ sku: 'INS-D', quantity: 1, unitPrice: { amount: '8.00' } }],
          payments: [{ method: 'CASH', amount: { amount: '8.00' } }],
        },
      ],
    },
    await bearer(Role.STAFF, { locationId: berlin }),
  );
  expect(posOrdersSync.results).toEqual([{ status: 'CREATED' }]);
  const november = await api(
    REPORT,
    { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', groupBy: ['DAY', 'LOCATION'], filter: { productId: products['INS-D'] } },
    admin,
  );
  expect(november.salesReport).toMatchObject([{ period: '2026-11-21', location: { id: berlin }, netSales: { amount: '6.72' }, units: 1 }]);

  const both = await gql(system.gateway.url, REPORT, { from, to, groupBy: ['DAY', 'MONTH'] }, admin);
  expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

it('recommends by lift: the product in every basket does not top the list', async () => {
  const FBT = `query($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 5) { id } } }`;
  const together = async (sku: string) =>
    (await api(FBT, { id: products[sku] }, ANONYMOUS)).product.frequentlyBoughtTogether.map((p: { id: string }) => p.id);
  // A was bought with C three times and with B twice, but C is in every basket and B only ever with A.
  expect(await together('INS-A')).toEqual([products['INS-B'], products['INS-C']]);
  expect(await together('INS-D')).toEqual([products['INS-C']]);
});

it('recommends to a customer what goes with what they kept, to a cart what goes with what it holds, and forgets what came back', async () => {
  const shopper = await newCustomer(system, `recs-${randomUUID()}@example.com`);
  const stranger = await newCustomer(system, `recs-${randomUUID()}@example.com`);
  await tillSale(await bearer(Role.STAFF, { locationId: hamburg }), ['INS-D'], '8.00', shopper.id);
  const FOR_CUSTOMER = `query($id: ID!) { customer(id: $id) { id recommendations(first: 3) { id } } }`;
  const ids = (list: { id: string }[]) => list.map((p) => p.id);

  // D goes with C (twice in Hamburg); then the shop's best sellers fill the list; never D, which they have.
  const mine = ids((await api(FOR_CUSTOMER, { id: shopper.id }, shopper.headers)).customer.recommendations);
  expect(mine).toHaveLength(3);
  expect(mine[0]).toBe(products['INS-C']);
  expect(mine).not.toContain(products['INS-D']);
  expect(ids((await api(FOR_CUSTOMER, { id: shopper.id }, admin)).customer.recommendations)).toEqual(mine);
  // Nothing bought yet: the best sellers, C (in every basket) first.
  expect(ids((await api(FOR_CUSTOMER, { id: stranger.id }, stranger.headers)).customer.recommendations)[0]).toBe(products['INS-C']);
  // Another customer's recommendations are not theirs to read.
  const peeking = await gql(system.gateway.url, FOR_CUSTOMER, { id: shopper.id }, stranger.headers);
  expect(peeking.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  // A cart holding A: B and C by lift, as for the product page, then best sellers; never A.
  const { cartCreate } = await api(
    `mutation($input: CartCreateInput!) { cartCreate(input: $input) { cart { id recommendations(first: 4) { id } } userErrors { code } } }`,
    { input: { channel: 'WEB', lines: [{ sku: 'INS-A', quantity: 1 }] } },
    ANONYMOUS,
  );
  const forCart = ids(cartCreate.cart.recommendations);
  expect(forCart.slice(0, 2)).toEqual([products['INS-B'], products['INS-C']]);
  expect(forCart).toHaveLength(4);
  expect(forCart).not.toContain(products['INS-A']);

  // B comes back from one of the two orders that had A and B: the pair falls below the minimum support.
  const berlinStaff = await bearer(Role.STAFF, { locationId: berlin });
  const lineB = firstSale.lines.find((line) => line.sku === 'INS-B')!;
  const { returnCreate } = await api(
    `mutation($orderId: ID!, $lines: [ReturnLineInput!]!, $locationId: ID!, $key: String!) {
      returnCreate(orderId: $orderId, lines: $lines, locationId: $locationId, idempotencyKey: $key) { return { id lines { id } } userErrors { code } } }`,
    {
      orderId: firstSale.id,
      lines: [{ orderLineId: lineB.id, quantity: 1, reason: 'Changed mind' }],
      locationId: berlin,
      key: randomUUID(),
    },
    berlinStaff,
  );
  expect(returnCreate.userErrors).toEqual([]);
  const { returnReceive } = await api(
    `mutation($id: ID!, $lines: [ReturnReceiveLineInput!]!) { returnReceive(returnId: $id, lines: $lines) { userErrors { code } } }`,
    { id: returnCreate.return.id, lines: [{ returnLineId: returnCreate.return.lines[0].id, quantity: 1, disposition: 'RESTOCK' }] },
    berlinStaff,
  );
  expect(returnReceive.userErrors).toEqual([]);
  const FBT = `query($id: ID!) { product(id: $id) { frequentlyBoughtTogether(first: 5) { id } } }`;
  expect(ids((await api(FBT, { id: products['INS-A'] }, ANONYMOUS)).product.frequentlyBoughtTogether)).toEqual([products['INS-C']]);
});

it("keeps a customer's spend net of what went back: average order value, channels bought on, and segments over them", async () => {
  const email = `spend-${randomUUID()}@example.com`;
  const buyer = await newCustomer(system, email);
  const hamburgTill = await bearer(Role.STAFF, { locationId: hamburg });
  await tillSale(hamburgTill, ['INS-A'], '10.00', buyer.id);
  const returned = await tillSale(hamburgTill, ['INS-B', 'INS-D'], '28.00', buyer.id);
  const online = await webOrder(buyer.headers, 'INS-E', 1, email);
  // The web order is cancelled whole; D (8.00) comes back from the till order and is refunded.
  const { orderCancel } = await api(
    `mutation($id: ID!, $key: String!) { orderCancel(orderId: $id, reason: "Changed mind", idempotencyKey: $key) { userErrors { code } } }`,
    { id: online.order.id, key: randomUUID() },
    admin,
  );
  expect(orderCancel.userErrors).toEqual([]);
  const hamburgStaff = await bearer(Role.STAFF, { locationId: hamburg });
  const lineD = returned.lines.find((line) => line.sku === 'INS-D')!;
  const { returnCreate } = await api(
    `mutation($orderId: ID!, $lines: [ReturnLineInput!]!, $locationId: ID!, $key: String!) {
      returnCreate(orderId: $orderId, lines: $lines, locationId: $locationId, idempotencyKey: $key) { return { id lines { id } } userErrors { code } } }`,
    { orderId: returned.id, lines: [{ orderLineId: lineD.id, quantity: 1, reason: 'Too small' }], locationId: hamburg, key: randomUUID() },
    hamburgStaff,
  );
  const { returnReceive } = await api(
    `mutation($id: ID!, $lines: [ReturnReceiveLineInput!]!) { returnReceive(returnId: $id, lines: $lines) { userErrors { code message } } }`,
    { id: returnCreate.return.id, lines: [{ returnLineId: returnCreate.return.lines[0].id, quantity: 1, disposition: 'RESTOCK' }] },
    hamburgStaff,
  );
  expect(returnReceive.userErrors).toEqual([]);
  const { refundCreate } = await api(
    `mutation($orderId: ID!, $lines: [RefundLineInput!]!, $key: String!) {
      refundCreate(orderId: $orderId, lines: $lines, to: ORIGINAL, idempotencyKey: $key) { refund { total { amount } } userErrors { code message } } }`,
    { orderId: returned.id, lines: [{ orderLineId: lineD.id, quantity: 1 }], key: randomUUID() },
    hamburgStaff,
  );
  expect(refundCreate).toMatchObject({ refund: { total: { amount: '8.00' } }, userErrors: [] });

  // Two till orders count (10.00 + 28.00 − 8.00 = 30.00, 15.00 each); the cancelled web order counts for nothing.
  const FIGURES = `query($id: ID!) { customer(id: $id) { orderCount totalSpent { amount } averageOrderValue { amount } purchaseChannels } }`;
  const expected = { orderCount: 2, totalSpent: { amount: '30.00' }, averageOrderValue: { amount: '15.00' }, purchaseChannels: ['POS'] };
  const figures = await eventually(async () => {
    const { customer } = await api(FIGURES, { id: buyer.id }, buyer.headers);
    return customer.orderCount === 2 && customer.totalSpent?.amount === '30.00' ? customer : null;
  });
  expect(figures).toEqual(expected);

  const SEGMENT = `mutation($input: SegmentCreateInput!) { segmentCreate(input: $input) {
    segment { id rules { averageOrderValueAtLeast purchaseChannelsAny } } userErrors { field code } } }`;
  const segment = async (name: string, rules: Record<string, unknown>) =>
    (await api(SEGMENT, { input: { name, rules } }, admin)).segmentCreate;
  const tillRegulars = await segment(`Till regulars ${email}`, { averageOrderValueAtLeast: '15.00', purchaseChannelsAny: ['POS'] });
  expect(tillRegulars).toMatchObject({
    segment: { rules: { averageOrderValueAtLeast: '15.00', purchaseChannelsAny: ['POS'] } },
    userErrors: [],
  });
  const bigBaskets = await segment(`Big baskets ${email}`, { averageOrderValueAtLeast: '15.01' });
  const webBuyers = await segment(`Web buyers ${email}`, { purchaseChannelsAny: ['WEB'] });
  const { customer } = await api(`query($id: ID!) { customer(id: $id) { segments { id } } }`, { id: buyer.id }, admin);
  const memberOf = customer.segments.map((s: { id: string }) => s.id);
  expect(memberOf).toContain(tillRegulars.segment.id);
  expect(memberOf).not.toContain(bigBaskets.segment.id);
  expect(memberOf).not.toContain(webBuyers.segment.id);
  const refused = await segment(`Broken ${email}`, { averageOrderValueAtLeast: '0', purchaseChannelsAny: [] });
  expect(refused.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual([
    'input.rules.averageOrderValueAtLeast',
    'input.rules.purchaseChannelsAny',
  ]);
});

it('takes back at one store what another sold and exchanges it through the gateway: the balance paid at the counter, the new item handed over', async () => {
  const hamburgTill = await bearer(Role.STAFF, { locationId: hamburg });
  const berlinStaff = await bearer(Role.STAFF, { locationId: berlin });
  const sold = await tillSale(hamburgTill, ['INS-A'], '10.00');
  const { returnCreate } = await api(
    `mutation($orderId: ID!, $lines: [ReturnLineInput!]!, $locationId: ID!, $key: String!) {
      returnCreate(orderId: $orderId, lines: $lines, locationId: $locationId, idempotencyKey: $key) { return { id lines { id } } userErrors { code } } }`,
    {
      orderId: sold.id,
      lines: [{ orderLineId: sold.lines[0].id, quantity: 1, reason: 'Wrong size' }],
      locationId: berlin,
      key: randomUUID(),
    },
    berlinStaff,
  );
  const { returnReceive } = await api(
    `mutation($id: ID!, $lines: [ReturnReceiveLineInput!]!) { returnReceive(returnId: $id, lines: $lines) { userErrors { code } } }`,
    { id: returnCreate.return.id, lines: [{ returnLineId: returnCreate.return.lines[0].id, quantity: 1, disposition: 'RESTOCK' }] },
    berlinStaff,
  );
  expect(returnReceive.userErrors).toEqual([]);
  const EXCHANGE = `return { id exchangeStatus exchangeCredit { amount } exchangeTotal { amount } exchangeBalance { amount }
    exchangeOrder { id financialStatus fulfillmentStatus payments { method amount { amount } } } }`;
  const { returnExchangeLinesSet } = await api(
    `mutation($id: ID!, $lines: [ExchangeLineInput!]!) { returnExchangeLinesSet(returnId: $id, lines: $lines) { ${EXCHANGE} userErrors { code } } }`,
    { id: returnCreate.return.id, lines: [{ sku: 'INS-B', quantity: 1 }] },
    berlinStaff,
  );
  // A (10.00) goes back, B (20.00) comes home: 10.00 to pay, and nothing happens until it is paid.
  expect(returnExchangeLinesSet).toMatchObject({
    return: {
      exchangeStatus: 'AWAITING_PAYMENT',
      exchangeCredit: { amount: '10.00' },
      exchangeBalance: { amount: '10.00' },
      exchangeOrder: null,
    },
    userErrors: [],
  });
  const SETTLE = `mutation($id: ID!, $payments: [PosPaymentInput!]!, $key: String!) {
    returnExchangeSettle(returnId: $id, payments: $payments, idempotencyKey: $key) { ${EXCHANGE} userErrors { code } } }`;
  const key = randomUUID();
  const settle = () =>
    api(SETTLE, { id: returnCreate.return.id, payments: [{ method: 'CASH', amount: { amount: '10.00' } }], key }, berlinStaff);
  const settled = (await settle()).returnExchangeSettle;
  expect(settled.userErrors).toEqual([]);
  expect(settled.return.exchangeStatus).toBe('SETTLED');
  expect(settled.return.exchangeOrder).toMatchObject({ financialStatus: 'PAID', fulfillmentStatus: 'PICKED_UP' });
  expect(settled.return.exchangeOrder.payments).toEqual([
    { method: 'EXCHANGE_CREDIT', amount: { amount: '10.00' } },
    { method: 'CASH', amount: { amount: '10.00' } },
  ]);
  // A retry after a lost answer gets the same exchange order, not a second one.
  expect((await settle()).returnExchangeSettle.return.exchangeOrder.id).toBe(settled.return.exchangeOrder.id);
});
