import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { createStockedProduct, locationsByName, newCustomer } from '../support/carts';
import { gqlData } from '../support/graphql-client';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { bearer, type AuthHeaders } from '../support/tokens';

/**
 * The till's edges, through the gateway: what an offline sale's stored value may get back, and
 * the cash drawer's count when a till's sale is exchanged or refunded.
 */
let system: SupergraphHarness;
let admin: AuthHeaders;
let berlin: string;
let cashier: AuthHeaders;

beforeAll(async () => {
  system = await startSupergraph();
  admin = await bearer(Role.ADMIN);
  berlin = (await locationsByName(system))['Velocity Cycles Berlin Mitte'].id;
  cashier = await bearer(Role.STAFF, { locationId: berlin });
  await createStockedProduct(system, admin, { sku: 'ATK-A', price: '10.00', stock: { [berlin]: 50 } });
  await createStockedProduct(system, admin, { sku: 'ATK-B', price: '25.00', stock: { [berlin]: 50 } });
}, 120_000);
afterAll(() => system?.close());

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: AuthHeaders) =>
  gqlData<T>(system.gateway.url, query, variables, headers);

const SYNC = `mutation($device: String!, $orders: [PosOfflineOrderInput!]!) { posOrdersSync(deviceId: $device, orders: $orders) {
  results { clientOrderId status order { id processedAt flags { code } financialStatus lines { id } } userErrors { field code } }
  userErrors { field code } } }`;

/** A return of the order's first line, received: its units are back and may be refunded. */
async function returned(orderId: string, orderLineId: string): Promise<string> {
  const { returnCreate } = await api(
    `mutation($orderId: ID!, $lines: [ReturnLineInput!]!, $at: ID!, $key: String!) {
      returnCreate(orderId: $orderId, lines: $lines, locationId: $at, idempotencyKey: $key) { return { id lines { id } } userErrors { code } } }`,
    { orderId, lines: [{ orderLineId, quantity: 1, reason: 'Broken' }], at: berlin, key: randomUUID() },
    cashier,
  );
  expect(returnCreate.userErrors).toEqual([]);
  const { returnReceive } = await api(
    `mutation($id: ID!, $lines: [ReturnReceiveLineInput!]!) { returnReceive(returnId: $id, lines: $lines) { userErrors { code } } }`,
    { id: returnCreate.return.id, lines: [{ returnLineId: returnCreate.return.lines[0].id, quantity: 1, disposition: 'DAMAGED' }] },
    cashier,
  );
  expect(returnReceive.userErrors).toEqual([]);
  return returnCreate.return.id as string;
}

async function level(sku: string): Promise<{ onHand: number; reserved: number }> {
  const { inventoryLevels } = await api(
    `query($skus: [String!], $at: [ID!]) { inventoryLevels(skus: $skus, locationIds: $at, first: 1) { nodes { onHand reserved } } }`,
    { skus: [sku], at: [berlin] },
    admin,
  );
  return inventoryLevels.nodes[0];
}

const offline = (lines: Record<string, unknown>[], payments: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  clientOrderId: randomUUID(),
  soldAt: new Date(Date.now() - 3_600_000).toISOString(),
  lines,
  payments,
  ...extra,
});

it('a refund of an offline sale paid with store credit gives back nothing that was never debited', async () => {
  const customer = await newCustomer(system, 'offline-credit@example.com');
  const credit = async () =>
    (await api(`query($id: ID!) { customer(id: $id) { storeCredit { amount } } }`, { id: customer.id }, admin)).customer.storeCredit;
  const before = await credit();
  const sale = offline(
    [{ sku: 'ATK-A', quantity: 1, unitPrice: { amount: '10.00' } }],
    [{ method: 'STORE_CREDIT', amount: { amount: '10.00' } }],
    {
      customerId: customer.id,
    },
  );
  const [synced] = (await api(SYNC, { device: 'atk-1', orders: [sale] }, cashier)).posOrdersSync.results;
  expect(synced).toMatchObject({ status: 'CREATED', order: { financialStatus: 'PENDING', flags: [{ code: 'STORED_VALUE_FOLLOW_UP' }] } });
  await returned(synced.order.id, synced.order.lines[0].id);

  // The store credit was never debited offline: there is nothing to give back to it.
  const { refundCreate } = await api(
    `mutation($orderId: ID!, $lines: [RefundLineInput!]!, $key: String!) {
      refundCreate(orderId: $orderId, lines: $lines, idempotencyKey: $key) { refund { id } userErrors { field code } } }`,
    { orderId: synced.order.id, lines: [{ orderLineId: synced.order.lines[0].id, quantity: 1 }], key: randomUUID() },
    cashier,
  );
  expect(refundCreate).toEqual({ refund: null, userErrors: [{ field: ['lines'], code: 'NOT_REFUNDABLE' }] });
  expect(await credit()).toEqual(before);
  const { order } = await api(
    `query($id: ID!) { order(id: $id) { financialStatus refunds { id } payments { refunded { amount } } } }`,
    { id: synced.order.id },
    admin,
  );
  expect(order).toEqual({ financialStatus: 'PENDING', refunds: [], payments: [{ refunded: { amount: '0.00' } }] });
});

const SELL = `mutation($input: PosOrderCreateInput!, $key: String!) { posOrderCreate(input: $input, idempotencyKey: $key) {
  order { id lines { id } } userErrors { field code } } }`;

it('cash taken at the counter for an exchange of a till sale is counted in the drawer of the till that took it', async () => {
  const { posSessionOpen } = await api(
    `mutation($at: ID!) { posSessionOpen(locationId: $at, deviceId: "till-exchange", openingFloat: { amount: "0.00" }) {
      session { id } userErrors { code } } }`,
    { at: berlin },
    cashier,
  );
  expect(posSessionOpen.userErrors).toEqual([]);
  const session = posSessionOpen.session.id as string;
  const expected = async () =>
    (
      await api(
        `query($at: ID!, $day: DateTime!) { posSessions(locationId: $at, date: $day) { id expectedCash { amount } } }`,
        { at: berlin, day: new Date().toISOString() },
        cashier,
      )
    ).posSessions.find((s: { id: string }) => s.id === session).expectedCash.amount;
  const { posOrderCreate: sold } = await api(
    SELL,
    {
      input: {
        clientOrderId: randomUUID(),
        deviceId: 'till-exchange',
        lines: [{ sku: 'ATK-A', quantity: 1 }],
        payments: [{ method: 'CASH', amount: { amount: '10.00' } }],
      },
      key: randomUUID(),
    },
    cashier,
  );
  expect(sold.userErrors).toEqual([]);
  expect(await expected()).toBe('10.00');
  const returnId = await returned(sold.order.id, sold.order.lines[0].id);

  // ATK-A (10.00) back for ATK-B (25.00): 15.00 due, paid in cash from a 20.00 note at the same till.
  const { returnExchangeLinesSet } = await api(
    `mutation($id: ID!, $lines: [ExchangeLineInput!]!) { returnExchangeLinesSet(returnId: $id, lines: $lines) {
      return { exchangeBalance { amount } } userErrors { code } } }`,
    { id: returnId, lines: [{ sku: 'ATK-B', quantity: 1 }] },
    cashier,
  );
  expect(returnExchangeLinesSet).toEqual({ return: { exchangeBalance: { amount: '15.00' } }, userErrors: [] });
  const { returnExchangeSettle } = await api(
    `mutation($id: ID!, $payments: [PosPaymentInput!]!, $device: String, $key: String!) {
      returnExchangeSettle(returnId: $id, payments: $payments, deviceId: $device, idempotencyKey: $key) {
        return { exchangeStatus } userErrors { field code } } }`,
    {
      id: returnId,
      payments: [{ method: 'CASH', amount: { amount: '15.00' }, amountTendered: { amount: '20.00' } }],
      device: 'till-exchange',
      key: randomUUID(),
    },
    cashier,
  );
  expect(returnExchangeSettle).toEqual({ return: { exchangeStatus: 'SETTLED' }, userErrors: [] });
  // The drawer holds the sale's 10.00 and the exchange's 15.00 (20.00 in, 5.00 change out).
  expect(await expected()).toBe('25.00');
});

it('two stores may each have a till of the same name with its own drawer open; a till at one store cannot block the other', async () => {
  const hamburg = (await locationsByName(system))['Velocity Cycles Hamburg Altona'].id;
  const hamburgCashier = await bearer(Role.STAFF, { locationId: hamburg });
  const OPEN = `mutation($at: ID!) { posSessionOpen(locationId: $at, deviceId: "till-front", openingFloat: { amount: "50.00" }) {
    session { id location { id } } userErrors { field code } } }`;
  const there = (await api(OPEN, { at: hamburg }, hamburgCashier)).posSessionOpen;
  expect(there.userErrors).toEqual([]);
  const here = (await api(OPEN, { at: berlin }, cashier)).posSessionOpen;
  expect(here).toEqual({ session: { id: expect.any(String), location: { id: berlin } }, userErrors: [] });
  // Still one open drawer per till at a store.
  expect((await api(OPEN, { at: berlin }, cashier)).posSessionOpen.userErrors).toEqual([
    { field: ['deviceId'], code: 'SESSION_ALREADY_OPEN' },
  ]);
});

it('an offline sale too large to record is refused on its own: the good sales of its batch are recorded, its stock untouched', async () => {
  await createStockedProduct(system, admin, { sku: 'ATK-C', price: '10.00', stock: { [berlin]: 10 } });
  const before = await level('ATK-C');
  const good = offline([{ sku: 'ATK-C', quantity: 1, unitPrice: { amount: '10.00' } }], [{ method: 'CASH', amount: { amount: '10.00' } }]);
  // Each amount parses, but twice the unit price is past what can be counted exactly.
  const huge = offline(
    [{ sku: 'ATK-C', quantity: 2, unitPrice: { amount: '90071992547409.91' } }],
    [
      { method: 'MANUAL', amount: { amount: '90071992547409.91' } },
      { method: 'MANUAL', amount: { amount: '90071992547409.91' } },
    ],
  );
  const results = (await api(SYNC, { device: 'atk-h', orders: [good, huge] }, cashier)).posOrdersSync.results;
  expect(results.map((r: { status: string; userErrors: { field: string[]; code: string }[] }) => [r.status, r.userErrors])).toEqual([
    ['CREATED', []],
    ['REJECTED', [{ field: ['lines', '0', 'unitPrice'], code: 'INVALID' }]],
  ]);
  expect(await level('ATK-C')).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
});

it('cash owed back on an exchange at another till comes out of the drawer of the till that settles it', async () => {
  const open = async (deviceId: string) =>
    (
      await api(
        `mutation($at: ID!, $device: String!) { posSessionOpen(locationId: $at, deviceId: $device, openingFloat: { amount: "50.00" }) {
          session { id } userErrors { code } } }`,
        { at: berlin, device: deviceId },
        cashier,
      )
    ).posSessionOpen.session.id as string;
  const [selling, settling] = [await open('till-sold-b'), await open('till-settles')];
  const { posOrderCreate: sold } = await api(
    SELL,
    {
      input: {
        clientOrderId: randomUUID(),
        deviceId: 'till-sold-b',
        lines: [{ sku: 'ATK-B', quantity: 1 }],
        payments: [{ method: 'CASH', amount: { amount: '25.00' } }],
      },
      key: randomUUID(),
    },
    cashier,
  );
  expect(sold.userErrors).toEqual([]);
  const returnId = await returned(sold.order.id, sold.order.lines[0].id);
  // ATK-B (25.00) back for ATK-A (10.00): 15.00 goes back in cash, paid out at the settling till.
  const { returnExchangeLinesSet } = await api(
    `mutation($id: ID!, $lines: [ExchangeLineInput!]!) { returnExchangeLinesSet(returnId: $id, lines: $lines) { userErrors { code } } }`,
    { id: returnId, lines: [{ sku: 'ATK-A', quantity: 1 }] },
    cashier,
  );
  expect(returnExchangeLinesSet.userErrors).toEqual([]);
  const { returnExchangeSettle } = await api(
    `mutation($id: ID!, $device: String, $key: String!) {
      returnExchangeSettle(returnId: $id, payments: [], deviceId: $device, idempotencyKey: $key) {
        return { exchangeStatus refunds { total { amount } transactions { method amount { amount } } } } userErrors { field code } } }`,
    { id: returnId, device: 'till-settles', key: randomUUID() },
    cashier,
  );
  expect(returnExchangeSettle.userErrors).toEqual([]);
  expect(returnExchangeSettle.return.exchangeStatus).toBe('SETTLED');
  const { posSessions } = await api(
    `query($at: ID!, $day: DateTime!) { posSessions(locationId: $at, date: $day) { id expectedCash { amount } } }`,
    { at: berlin, day: new Date().toISOString() },
    cashier,
  );
  const expected = (id: string) => posSessions.find((s: { id: string }) => s.id === id).expectedCash.amount;
  expect(expected(selling)).toBe('75.00');
  expect(expected(settling)).toBe('35.00');
});

it('a till sale’s key answers only the sale it was first sent with: reused for other content or another sale, it is IDEMPOTENCY_KEY_MISMATCH', async () => {
  const sale = (clientOrderId: string, quantity: number) => ({
    clientOrderId,
    deviceId: 'till-keys',
    lines: [{ sku: 'ATK-A', quantity }],
    payments: [{ method: 'CASH', amount: { amount: `${10 * quantity}.00` } }],
  });
  const [first, second] = [randomUUID(), randomUUID()];
  const key = randomUUID();
  const sold = (await api(SELL, { input: sale(first, 1), key }, cashier)).posOrderCreate;
  expect(sold.userErrors).toEqual([]);
  const otherSale = (await api(SELL, { input: sale(second, 1), key: randomUUID() }, cashier)).posOrderCreate;
  expect(otherSale.userErrors).toEqual([]);
  const before = await level('ATK-A');
  const mismatch = [{ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' }];
  // The same key with the same sale's id but other content; the same key naming another (existing) sale.
  expect((await api(SELL, { input: sale(first, 2), key }, cashier)).posOrderCreate).toEqual({ order: null, userErrors: mismatch });
  expect((await api(SELL, { input: sale(second, 1), key }, cashier)).posOrderCreate).toEqual({ order: null, userErrors: mismatch });
  // Replayed as sent, it answers its sale.
  expect((await api(SELL, { input: sale(first, 1), key }, cashier)).posOrderCreate.order.id).toBe(sold.order.id);
  expect(await level('ATK-A')).toEqual(before);
});
