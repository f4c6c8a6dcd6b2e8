import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { createStockedProduct, locationsByName, newCustomer, offerPickup } from '../support/carts';
import { gql, gqlData } from '../support/graphql-client';
import { eventually } from '../support/processes';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { bearer, type AuthHeaders } from '../support/tokens';

/**
 * Selling at the till through the gateway: lines by SKU and barcode, several tenders with cash
 * change, goods leaving the store's stock at once, one order per device id, a manager's price
 * override, and the cash drawer counting what the sales left in it.
 */
let system: SupergraphHarness;
let admin: AuthHeaders;
let berlin: string;
let cashier: AuthHeaders;
let manager: AuthHeaders;

beforeAll(async () => {
  system = await startSupergraph();
  admin = await bearer(Role.ADMIN);
  berlin = (await locationsByName(system))['Velocity Cycles Berlin Mitte'].id;
  cashier = await bearer(Role.STAFF, { locationId: berlin });
  manager = await bearer(Role.MANAGER, { locationId: berlin });
  await createStockedProduct(system, admin, { sku: 'TILL-A', price: '20.00', stock: { [berlin]: 10 } });
  const { productCreate } = await api(
    `mutation { productCreate(input: { title: "Till bell", status: ACTIVE, taxClass: STANDARD, channels: [POS],
      variants: [{ sku: "TILL-B", barcode: "4006381333931", price: { amount: "7.50" } }] }) { userErrors { code } } }`,
    {},
    admin,
  );
  expect(productCreate.userErrors).toEqual([]);
  await api(
    `mutation($at: ID!) { inventoryAdjust(input: { sku: "TILL-B", locationId: $at, delta: 5, reason: RECEIVED }) { userErrors { code } } }`,
    { at: berlin },
    admin,
  );
}, 120_000);
afterAll(() => system?.close());

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: AuthHeaders) =>
  gqlData<T>(system.gateway.url, query, variables, headers);

const SELL = `mutation($input: PosOrderCreateInput!, $key: String!) { posOrderCreate(input: $input, idempotencyKey: $key) {
  order { id number channel location { id } staff { id } clientOrderId financialStatus fulfillmentStatus flags { code orderLineId }
    totals { total { amount } } lines { sku quantity unitPrice { amount } total { amount } }
    payments { method amount { amount } captured { amount } events { kind amount { amount } } } }
  userErrors { field code } } }`;

const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);

async function level(sku: string): Promise<{ onHand: number; reserved: number }> {
  const { inventoryLevels } = await api(
    `query($skus: [String!], $at: [ID!]) { inventoryLevels(skus: $skus, locationIds: $at, first: 1) { nodes { onHand reserved } } }`,
    { skus: [sku], at: [berlin] },
    admin,
  );
  return inventoryLevels.nodes[0];
}

it('sells by SKU and barcode with cash and a terminal: paid, handed over, stock gone from the store, one order per device id', async () => {
  const { posSessionOpen } = await api(
    `mutation($at: ID!) { posSessionOpen(locationId: $at, deviceId: "till-1", openingFloat: { amount: "100.00" }) {
      session { id openingFloat { amount } expectedCash { amount } } userErrors { code } } }`,
    { at: berlin },
    cashier,
  );
  expect(posSessionOpen.userErrors).toEqual([]);
  const session = posSessionOpen.session;
  const again = await api(
    `mutation($at: ID!) { posSessionOpen(locationId: $at, deviceId: "till-1", openingFloat: { amount: "0" }) { userErrors { code } } }`,
    { at: berlin },
    cashier,
  );
  expect(codes(again.posSessionOpen)).toEqual(['SESSION_ALREADY_OPEN']);

  const before = { a: await level('TILL-A'), b: await level('TILL-B') };
  // 2 × 20.00 + 7.50 = 47.50: 30.00 on the terminal, 17.50 in cash from a 20.00 note.
  const sale = {
    clientOrderId: randomUUID(),
    deviceId: 'till-1',
    lines: [
      { sku: 'TILL-A', quantity: 2 },
      { barcode: '4006381333931', quantity: 1 },
    ],
    payments: [
      { method: 'CARD_EXTERNAL', amount: { amount: '30.00' }, reference: 'TERM-0042' },
      { method: 'CASH', amount: { amount: '17.50' }, amountTendered: { amount: '20.00' } },
    ],
  };
  const key = randomUUID();
  const sold = (await api(SELL, { input: sale, key }, cashier)).posOrderCreate;
  expect(sold.userErrors).toEqual([]);
  expect(sold.order).toMatchObject({
    channel: 'POS',
    location: { id: berlin },
    clientOrderId: sale.clientOrderId,
    financialStatus: 'PAID',
    fulfillmentStatus: 'PICKED_UP',
    totals: { total: { amount: '47.50' } },
    lines: [
      { sku: 'TILL-A', quantity: 2, total: { amount: '40.00' } },
      { sku: 'TILL-B', quantity: 1, total: { amount: '7.50' } },
    ],
  });
  const cash = sold.order.payments.find((p: { method: string }) => p.method === 'CASH');
  expect(cash).toEqual({
    method: 'CASH',
    amount: { amount: '17.50' },
    captured: { amount: '17.50' },
    events: [
      { kind: 'SALE', amount: { amount: '20.00' } },
      { kind: 'CHANGE', amount: { amount: '2.50' } },
    ],
  });
  expect(await level('TILL-A')).toEqual({ onHand: before.a.onHand - 2, reserved: before.a.reserved });
  expect(await level('TILL-B')).toEqual({ onHand: before.b.onHand - 1, reserved: before.b.reserved });

  // The same key, or the same sale under another key (a lost answer), is the same order; other content under the id is a conflict.
  expect((await api(SELL, { input: sale, key }, cashier)).posOrderCreate.order.id).toBe(sold.order.id);
  expect((await api(SELL, { input: sale, key: randomUUID() }, cashier)).posOrderCreate.order.id).toBe(sold.order.id);
  const other = await api(SELL, { input: { ...sale, lines: [{ sku: 'TILL-A', quantity: 1 }] }, key: randomUUID() }, cashier);
  expect(codes(other.posOrderCreate)).toEqual(['CONFLICT']);
  expect(await level('TILL-A')).toEqual({ onHand: before.a.onHand - 2, reserved: before.a.reserved });

  // The drawer expects the float plus the 17.50 kept; a count 1.00 short is recorded as such.
  const { posSessionClose } = await api(
    `mutation($id: ID!) { posSessionClose(sessionId: $id, counted: { amount: "116.50" }) {
      session { expectedCash { amount } countedCash { amount } difference { amount } salesCount closedAt } userErrors { code } } }`,
    { id: session.id },
    cashier,
  );
  expect(posSessionClose).toMatchObject({
    session: { expectedCash: { amount: '117.50' }, countedCash: { amount: '116.50' }, difference: { amount: '-1.00' }, salesCount: 1 },
    userErrors: [],
  });
  const { posSessions } = await api(
    `query($at: ID!, $day: DateTime!) { posSessions(locationId: $at, date: $day) { id difference { amount } } }`,
    { at: berlin, day: new Date().toISOString() },
    manager,
  );
  expect(posSessions).toContainEqual({ id: session.id, difference: { amount: '-1.00' } });
});

it('lets a manager override a price with a reason, recorded on the order; a cashier may not', async () => {
  const sale = (overrides: Record<string, unknown>) => ({
    clientOrderId: randomUUID(),
    deviceId: 'till-2',
    lines: [{ sku: 'TILL-A', quantity: 1, ...overrides }],
    payments: [{ method: 'MANUAL', amount: { amount: '15.00' } }],
  });
  const refused = await api(SELL, { input: sale({ priceOverride: { amount: '15.00' }, reason: 'scratched' }), key: randomUUID() }, cashier);
  expect(codes(refused.posOrderCreate)).toEqual(['OVERRIDE_NOT_ALLOWED']);
  const noReason = await api(SELL, { input: sale({ priceOverride: { amount: '15.00' } }), key: randomUUID() }, manager);
  expect(codes(noReason.posOrderCreate)).toEqual(['BLANK']);
  const done = (await api(SELL, { input: sale({ priceOverride: { amount: '15.00' }, reason: 'scratched' }), key: randomUUID() }, manager))
    .posOrderCreate;
  expect(done.userErrors).toEqual([]);
  expect(done.order.lines).toEqual([{ sku: 'TILL-A', quantity: 1, unitPrice: { amount: '15.00' }, total: { amount: '15.00' } }]);
  expect(done.order.flags).toEqual([{ code: 'PRICE_OVERRIDDEN', orderLineId: expect.stringMatching(/^gid:\/\/commerce\/OrderLine\//) }]);
});

it('sells at a store that offers no pickup to online shoppers: a sale at the counter is no pickup', async () => {
  await offerPickup(system, berlin, false);
  try {
    const sale = {
      clientOrderId: randomUUID(),
      deviceId: 'till-3',
      lines: [{ sku: 'TILL-A', quantity: 1 }],
      payments: [{ method: 'MANUAL', amount: { amount: '20.00' } }],
    };
    const sold = (await api(SELL, { input: sale, key: randomUUID() }, cashier)).posOrderCreate;
    expect(sold.userErrors).toEqual([]);
    expect(sold.order).toMatchObject({ channel: 'POS', location: { id: berlin }, financialStatus: 'PAID' });
  } finally {
    await offerPickup(system, berlin, true);
  }
});

it('refuses what a till should not send, each with a clear error, and sells nothing', async () => {
  const before = await level('TILL-A');
  const base = {
    clientOrderId: randomUUID(),
    deviceId: 'till-3',
    lines: [{ sku: 'TILL-A', quantity: 1 }],
    payments: [{ method: 'CASH', amount: { amount: '20.00' } }],
  };
  const attempt = async (input: Record<string, unknown>, headers = cashier) =>
    codes((await api(SELL, { input: { ...base, clientOrderId: randomUUID(), ...input }, key: randomUUID() }, headers)).posOrderCreate);
  expect(await attempt({}, await bearer(Role.STAFF))).toEqual(['LOCATION_REQUIRED']);
  expect(await attempt({ lines: [{ barcode: '0000000000000', quantity: 1 }] })).toEqual(['UNKNOWN_SKU']);
  expect(await attempt({ payments: [{ method: 'CASH', amount: { amount: '19.99' } }] })).toEqual(['PAYMENT_MISMATCH']);
  expect(
    await attempt({
      payments: [{ method: 'CARD_EXTERNAL', amount: { amount: '20.00' }, reference: 'T', amountTendered: { amount: '50.00' } }],
    }),
  ).toEqual(['INVALID']);
  expect(await attempt({ payments: [{ method: 'CASH', amount: { amount: '20.00' }, amountTendered: { amount: '10.00' } }] })).toEqual([
    'PAYMENT_MISMATCH',
  ]);
  expect(await attempt({ lines: [{ sku: 'TILL-A', barcode: '4006381333931', quantity: 1 }] })).toEqual(['INVALID']);
  expect(await level('TILL-A')).toEqual(before);
  // Another store's drawer is not this cashier's.
  const hamburg = (await locationsByName(system))['Velocity Cycles Hamburg Altona'].id;
  const foreign = await gql(
    system.gateway.url,
    `mutation($at: ID!) { posSessionOpen(locationId: $at, deviceId: "till-x", openingFloat: { amount: "10.00" }) { userErrors { code } } }`,
    { at: hamburg },
    cashier,
  );
  expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

const SYNC = `mutation($device: String!, $orders: [PosOfflineOrderInput!]!) { posOrdersSync(deviceId: $device, orders: $orders) {
  results { clientOrderId status order { id processedAt flags { code } financialStatus fulfillmentStatus totals { total { amount } } } userErrors { field code } }
  userErrors { field code } } }`;

type SyncAnswer = {
  clientOrderId: string;
  status: string;
  order: { id: string; flags: { code: string }[] } | null;
  userErrors: { code: string }[];
};

const offline = (lines: Record<string, unknown>[], payments: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  clientOrderId: randomUUID(),
  soldAt: new Date(Date.now() - 3_600_000).toISOString(),
  lines,
  payments,
  ...extra,
});

it('syncs offline sales exactly once: replays and two devices give one order and one stock movement; the till’s facts stand, flagged', async () => {
  await createStockedProduct(system, admin, { sku: 'OFF-A', price: '10.00', stock: { [berlin]: 3 } });
  const before = await level('OFF-A');
  const sales = [
    offline([{ sku: 'OFF-A', quantity: 1, unitPrice: { amount: '10.00' } }], [{ method: 'CASH', amount: { amount: '10.00' } }]),
    // The till still had the old price, and a code that no longer applies.
    offline(
      [{ sku: 'OFF-A', quantity: 1, unitPrice: { amount: '9.00' }, discount: { amount: '1.00' } }],
      [{ method: 'CARD_EXTERNAL', amount: { amount: '8.00' }, reference: 'T-77' }],
      { discountCodes: ['GONE-10'] },
    ),
    // More than the store has: stock goes below zero; a gift card taken offline waits for follow-up.
    offline(
      [{ sku: 'OFF-A', quantity: 3, unitPrice: { amount: '10.00' } }],
      [{ method: 'GIFT_CARD', amount: { amount: '30.00' }, giftCardCode: 'GC-OFFLINE' }],
    ),
    // Sold in the future by the till's clock: rejected, and the rest goes on.
    offline([{ sku: 'OFF-A', quantity: 1, unitPrice: { amount: '10.00' } }], [{ method: 'CASH', amount: { amount: '10.00' } }], {
      soldAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
  ];
  const first = (await api(SYNC, { device: 'till-9', orders: sales }, cashier)).posOrdersSync.results as SyncAnswer[];
  expect(first.map((r) => r.status)).toEqual(['CREATED', 'CREATED', 'CREATED', 'REJECTED']);
  expect(first[0].order?.flags).toEqual([]);
  expect(first[1].order?.flags.map((f) => f.code).sort()).toEqual(['DISCOUNT_NOT_APPLICABLE', 'PRICE_CHANGED']);
  expect(first[2].order?.flags.map((f) => f.code).sort()).toEqual(['STOCK_BELOW_ZERO', 'STORED_VALUE_FOLLOW_UP']);
  expect(first[3].userErrors).toEqual([{ field: ['soldAt'], code: 'INVALID' }]);
  expect(await level('OFF-A')).toEqual({ onHand: before.onHand - 5, reserved: before.reserved });
  const sold = await api(
    `query($id: ID!) { order(id: $id) { processedAt financialStatus fulfillmentStatus channel } }`,
    { id: first[0].order?.id },
    admin,
  );
  expect(sold.order).toEqual({ processedAt: sales[0].soldAt, financialStatus: 'PAID', fulfillmentStatus: 'PICKED_UP', channel: 'POS' });

  // The same batch again, and from a second device at the same time: the originals, nothing moved twice.
  const [again, other] = await Promise.all([
    api(SYNC, { device: 'till-9', orders: sales.slice(0, 3) }, cashier),
    api(SYNC, { device: 'till-10', orders: sales.slice(0, 3) }, cashier),
  ]);
  for (const answer of [again, other]) {
    const results = answer.posOrdersSync.results as SyncAnswer[];
    expect(results.map((r) => r.status)).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE']);
    expect(results.map((r) => r.order?.id)).toEqual(first.slice(0, 3).map((r) => r.order?.id));
  }
  expect(await level('OFF-A')).toEqual({ onHand: before.onHand - 5, reserved: before.reserved });

  // A new batch sent by two devices at once: each sale once.
  const fresh = [
    offline([{ sku: 'OFF-A', quantity: 1, unitPrice: { amount: '10.00' } }], [{ method: 'MANUAL', amount: { amount: '10.00' } }]),
  ];
  const raced = await Promise.all([
    api(SYNC, { device: 'till-9', orders: fresh }, cashier),
    api(SYNC, { device: 'till-10', orders: fresh }, cashier),
  ]);
  const statuses = raced.map((a) => (a.posOrdersSync.results as SyncAnswer[])[0]);
  expect(statuses.map((r) => r.status).sort()).toEqual(['CREATED', 'DUPLICATE']);
  expect(statuses[0].order?.id).toBe(statuses[1].order?.id);
  expect(await level('OFF-A')).toEqual({ onHand: before.onHand - 6, reserved: before.reserved });

  // The same id with other content is a conflict, never a second order.
  const changed = [
    {
      ...fresh[0],
      lines: [{ sku: 'OFF-A', quantity: 2, unitPrice: { amount: '10.00' } }],
      payments: [{ method: 'MANUAL', amount: { amount: '20.00' } }],
    },
  ];
  const conflict = (await api(SYNC, { device: 'till-9', orders: changed }, cashier)).posOrdersSync.results as SyncAnswer[];
  expect(conflict.map((r) => [r.status, r.userErrors.map((e) => e.code)])).toEqual([['CONFLICT', ['CONFLICT']]]);
  expect(await level('OFF-A')).toEqual({ onHand: before.onHand - 6, reserved: before.reserved });

  const tooMany = Array.from({ length: 251 }, () => fresh[0]);
  // 251 sales are refused whole, at the edge, before anything is read.
  const refused = await gql(system.gateway.url, SYNC, { device: 'till-9', orders: tooMany }, cashier);
  expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('at most 250'), extensions: { code: 'BAD_USER_INPUT' } });
});

it('two devices syncing overlapping batches at once: one order and one stock movement per sale; the sales past zero are the ones flagged', async () => {
  await createStockedProduct(system, admin, { sku: 'OFF-B', price: '5.00', stock: { [berlin]: 20 } });
  const before = await level('OFF-B');
  const sales = Array.from({ length: 40 }, () =>
    offline([{ sku: 'OFF-B', quantity: 1, unitPrice: { amount: '5.00' } }], [{ method: 'CASH', amount: { amount: '5.00' } }]),
  );
  const [one, two] = await Promise.all([
    api(SYNC, { device: 'till-20', orders: sales.slice(0, 25) }, cashier),
    api(SYNC, { device: 'till-21', orders: sales.slice(15, 40) }, cashier),
  ]);
  const answers = [...one.posOrdersSync.results, ...two.posOrdersSync.results] as SyncAnswer[];
  expect(answers.map((r) => r.status).filter((s) => s !== 'CREATED' && s !== 'DUPLICATE')).toEqual([]);
  const ordersOf = new Map<string, Set<string | undefined>>();
  for (const r of answers) ordersOf.set(r.clientOrderId, (ordersOf.get(r.clientOrderId) ?? new Set()).add(r.order?.id));
  expect(ordersOf.size).toBe(40);
  expect([...ordersOf.values()].filter((ids) => ids.size !== 1 || ids.has(undefined))).toEqual([]);
  expect(answers.filter((r) => r.status === 'CREATED')).toHaveLength(40);
  expect(await level('OFF-B')).toEqual({ onHand: before.onHand - 40, reserved: before.reserved });
  // Whichever device recorded them, the sales that took the level below zero, and only they, are flagged.
  const flagged = new Set(answers.filter((r) => r.order?.flags.some((f) => f.code === 'STOCK_BELOW_ZERO')).map((r) => r.order?.id));
  expect(flagged.size).toBe(40 - before.onHand);
});

it('a known customer at the till: a receipt with the store, tenders, change and the points earned; a store visit on the timeline', async () => {
  const customer = await newCustomer(system, 'regular@example.com');
  const sold = (
    await api(
      SELL,
      {
        input: {
          clientOrderId: randomUUID(),
          deviceId: 'till-4',
          customerId: customer.id,
          lines: [{ sku: 'TILL-A', quantity: 1 }],
          payments: [{ method: 'CASH', amount: { amount: '20.00' }, amountTendered: { amount: '50.00' } }],
        },
        key: randomUUID(),
      },
      cashier,
    )
  ).posOrderCreate;
  expect(sold.userErrors).toEqual([]);
  const RECEIPT = `query($id: ID!) { order(id: $id) { receipt { shopName location { id } number total { amount } change { amount }
    tenders { method amount { amount } tendered { amount } change { amount } } taxes { title amount { amount } } loyaltyPointsEarned text } } }`;
  const receipt = await eventually(async () => {
    const { order } = await api(RECEIPT, { id: sold.order.id }, cashier);
    return order.receipt.loyaltyPointsEarned === null ? null : order.receipt;
  });
  expect(receipt).toMatchObject({
    shopName: 'Velocity Cycles',
    location: { id: berlin },
    number: sold.order.number,
    total: { amount: '20.00' },
    change: { amount: '30.00' },
    tenders: [{ method: 'CASH', amount: { amount: '20.00' }, tendered: { amount: '50.00' }, change: { amount: '30.00' } }],
    taxes: [{ title: expect.stringContaining('19'), amount: { amount: '3.19' } }],
  });
  expect(receipt.loyaltyPointsEarned).toBeGreaterThan(0);
  expect(receipt.text).toContain('Velocity Cycles Berlin Mitte');
  expect(receipt.text).toContain('Torstraße 101');
  expect(receipt.text).toMatch(/CHANGE\s+30\.00/);
  expect(receipt.text).toContain(`Loyalty points earned`);
  const timeline = await eventually(async () => {
    const { customer: found } = await api(
      `query($id: ID!) { customer(id: $id) { events(first: 10) { nodes { type locationId } } } }`,
      { id: customer.id },
      customer.headers,
    );
    return found.events.nodes.some((e: { type: string }) => e.type === 'STORE_VISIT') ? found.events.nodes : null;
  });
  expect(timeline).toEqual(
    expect.arrayContaining([
      { type: 'STORE_VISIT', locationId: berlin },
      { type: 'ORDER_PLACED', locationId: berlin },
    ]),
  );
});

it('an offline sale to a customer merged since goes to the one they were merged into, flagged', async () => {
  const kept = await newCustomer(system, 'kept@example.com');
  const duplicate = await newCustomer(system, 'duplicate@example.com');
  const { customerMerge } = await api(
    `mutation($source: ID!, $target: ID!) { customerMerge(sourceId: $source, targetId: $target) { userErrors { code } } }`,
    { source: duplicate.id, target: kept.id },
    admin,
  );
  expect(customerMerge.userErrors).toEqual([]);
  const sale = offline(
    [{ sku: 'TILL-A', quantity: 1, unitPrice: { amount: '20.00' } }],
    [{ method: 'CASH', amount: { amount: '20.00' } }],
    {
      customerId: duplicate.id,
    },
  );
  const [result] = (await api(SYNC, { device: 'till-11', orders: [sale] }, cashier)).posOrdersSync.results as SyncAnswer[];
  expect(result.status).toBe('CREATED');
  expect(result.order?.flags).toEqual([{ code: 'CUSTOMER_MERGED' }]);
  const { order } = await api(`query($id: ID!) { order(id: $id) { customer { id } } }`, { id: result.order?.id }, admin);
  expect(order.customer).toEqual({ id: kept.id });
});

it('counts a cash refund against the drawer of the till that paid it out, not the one that took the sale', async () => {
  const open = async (deviceId: string, float: string) =>
    (
      await api(
        `mutation($at: ID!, $device: String!, $float: MoneyInput!) { posSessionOpen(locationId: $at, deviceId: $device, openingFloat: $float) {
          session { id } userErrors { code } } }`,
        { at: berlin, device: deviceId, float: { amount: float } },
        cashier,
      )
    ).posSessionOpen.session.id as string;
  const selling = await open('till-sells', '0.00');
  const refunding = await open('till-refunds', '20.00');
  const sold = (
    await api(
      SELL,
      {
        input: {
          clientOrderId: randomUUID(),
          deviceId: 'till-sells',
          lines: [{ sku: 'TILL-B', quantity: 1 }],
          payments: [{ method: 'CASH', amount: { amount: '7.50' } }],
        },
        key: randomUUID(),
      },
      cashier,
    )
  ).posOrderCreate;
  expect(sold.userErrors).toEqual([]);
  const { order } = await api(`query($id: ID!) { order(id: $id) { lines { id } } }`, { id: sold.order.id }, cashier);
  const { returnCreate } = await api(
    `mutation($orderId: ID!, $lines: [ReturnLineInput!]!, $at: ID!, $key: String!) {
      returnCreate(orderId: $orderId, lines: $lines, locationId: $at, idempotencyKey: $key) { return { id lines { id } } userErrors { code } } }`,
    { orderId: sold.order.id, lines: [{ orderLineId: order.lines[0].id, quantity: 1, reason: 'Broken' }], at: berlin, key: randomUUID() },
    cashier,
  );
  await api(
    `mutation($id: ID!, $lines: [ReturnReceiveLineInput!]!) { returnReceive(returnId: $id, lines: $lines) { userErrors { code } } }`,
    { id: returnCreate.return.id, lines: [{ returnLineId: returnCreate.return.lines[0].id, quantity: 1, disposition: 'DAMAGED' }] },
    cashier,
  );
  const REFUND = `mutation($orderId: ID!, $lines: [RefundLineInput!]!, $device: String, $key: String!) {
    refundCreate(orderId: $orderId, lines: $lines, deviceId: $device, idempotencyKey: $key) { refund { total { amount } } userErrors { field code } } }`;
  const lines = [{ orderLineId: order.lines[0].id, quantity: 1 }];
  // A manager with no store of their own names no till.
  const managerAnywhere = await bearer(Role.MANAGER);
  const refused = (await api(REFUND, { orderId: sold.order.id, lines, device: 'till-refunds', key: randomUUID() }, managerAnywhere))
    .refundCreate;
  expect(refused.userErrors).toEqual([{ field: ['deviceId'], code: 'INVALID' }]);
  const refunded = (await api(REFUND, { orderId: sold.order.id, lines, device: 'till-refunds', key: randomUUID() }, cashier)).refundCreate;
  expect(refunded).toEqual({ refund: { total: { amount: '7.50' } }, userErrors: [] });

  const { posSessions } = await api(
    `query($at: ID!, $day: DateTime!) { posSessions(locationId: $at, date: $day) { id expectedCash { amount } } }`,
    { at: berlin, day: new Date().toISOString() },
    cashier,
  );
  const expected = (id: string) => posSessions.find((s: { id: string }) => s.id === id).expectedCash.amount;
  // The 7.50 the sale put in stays in the selling drawer; the refunding drawer is 7.50 short of its float.
  expect(expected(selling)).toBe('7.50');
  expect(expected(refunding)).toBe('12.50');
});
