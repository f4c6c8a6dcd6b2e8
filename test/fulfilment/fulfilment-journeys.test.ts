import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { readMailbox } from '#platform/mail';
import { createStockedProduct, locationsByName, newCustomer, PAYLOAD } from '../support/carts';
import { gql, gqlData } from '../support/graphql-client';
import { eventually } from '../support/processes';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { ANONYMOUS, bearer, type AuthHeaders } from '../support/tokens';

/**
 * An online order's journeys through the gateway, as a storefront, a warehouse and the stores
 * see them: routed to the fewest packages (then the managers' ranking, then the nearest
 * location), shipped in parts with tracking, collected in a store, sent to a store that lacked
 * the stock, and moved when a location cannot serve it; with stock and messages right at each step.
 */
let system: SupergraphHarness;
let admin: AuthHeaders;
let stores: Record<string, string>;

const MUNICH = { latitude: 48.1351, longitude: 11.582 };
const HAMBURG = { latitude: 53.5511, longitude: 9.9937 };

beforeAll(async () => {
  system = await startSupergraph();
  admin = await bearer(Role.ADMIN);
  const byName = await locationsByName(system);
  stores = {
    berlin: byName['Velocity Cycles Berlin Mitte'].id,
    hamburg: byName['Velocity Cycles Hamburg Altona'].id,
    leipzig: byName['Central Warehouse Leipzig'].id,
    erfurt: byName['MarketHub Fulfilment Erfurt'].id,
  };
  // No location holds all three lines: two packages at best, from Leipzig (C) and Berlin or Hamburg (A and B).
  await createStockedProduct(system, admin, { sku: 'FO-A', price: '40.00', stock: { [stores.berlin]: 2, [stores.hamburg]: 3 } });
  await createStockedProduct(system, admin, { sku: 'FO-B', price: '25.00', stock: { [stores.berlin]: 2, [stores.hamburg]: 3 } });
  await createStockedProduct(system, admin, { sku: 'FO-C', price: '15.00', stock: { [stores.leipzig]: 6 } });
  await createStockedProduct(system, admin, { sku: 'FO-PICK', price: '30.00', stock: { [stores.berlin]: 2 } });
  await createStockedProduct(system, admin, { sku: 'FO-S2S', price: '80.00', stock: { [stores.leipzig]: 1 } });
  await createStockedProduct(system, admin, { sku: 'FO-HALF', price: '12.00', stock: { [stores.berlin]: 2 } });
  await createStockedProduct(system, admin, { sku: 'FO-KEY', price: '20.00', stock: { [stores.berlin]: 4 } });
  await createStockedProduct(system, admin, { sku: 'FO-TWICE', price: '18.00', stock: { [stores.berlin]: 4 } });
  await createStockedProduct(system, admin, { sku: 'FO-MV', price: '22.00', stock: { [stores.leipzig]: 2 } });
  await createStockedProduct(system, admin, { sku: 'FO-SHORT', price: '35.00', stock: { [stores.leipzig]: 2 } });
  await createStockedProduct(system, admin, { sku: 'FO-SLOW', price: '28.00', stock: { [stores.berlin]: 2 } });
  await createStockedProduct(system, admin, { sku: 'FO-GUARD', price: '16.00', stock: { [stores.leipzig]: 5 } });
  await createStockedProduct(system, admin, { sku: 'FO-RACE', price: '19.00', stock: { [stores.leipzig]: 2 } });
}, 120_000);
afterAll(() => system?.close());

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: AuthHeaders) =>
  gqlData<T>(system.gateway.url, query, variables, headers);
const staffOf = (locationId: string) => bearer(Role.STAFF, { locationId });

const FO = `id orderNumber status method location { id } destination { id } transfer { id status }
  lines { sku quantity fulfilledQuantity remainingQuantity }`;
const ORDER = `id number fulfillmentStatus pickupCode pickupDeadline
  fulfillmentOrders { ${FO} } fulfillments { id kind location { id } lines { sku quantity } tracking { company number url } }`;

async function placeOrder(
  lines: { sku: string; quantity: number }[],
  delivery: Record<string, unknown>,
  email: string,
  buyer: AuthHeaders = ANONYMOUS,
) {
  const created = await api(
    `mutation($input: CartCreateInput!) { cartCreate(input: $input) { ${PAYLOAD} } }`,
    { input: { channel: 'WEB', lines, buyerIdentity: { countryCode: 'DE', email } } },
    buyer,
  );
  expect(created.cartCreate.userErrors).toEqual([]);
  const cart = created.cartCreate.cart;
  const handle = 'handle' in delivery ? delivery.handle : cart.deliveryOptions.find((o: { method: string }) => o.method === 'SHIP')?.handle;
  const chosen = await api(
    `mutation($id: ID!, $delivery: CartDeliveryInput!) { cartDeliveryUpdate(cartId: $id, delivery: $delivery) { ${PAYLOAD} } }`,
    { id: cart.id, delivery: { handle, address: delivery.address ?? null } },
    buyer,
  );
  expect(chosen.cartDeliveryUpdate.userErrors).toEqual([]);
  const total = chosen.cartDeliveryUpdate.cart.cost.total.amount as string;
  const done = await api(
    `mutation($cartId: ID!, $input: CheckoutCompleteInput!, $key: String!) {
      checkoutComplete(cartId: $cartId, input: $input, idempotencyKey: $key) { order { ${ORDER} } userErrors { field message code } } }`,
    {
      cartId: cart.id,
      input: {
        email: buyer === ANONYMOUS ? email : null,
        payments: [{ method: 'TEST_CARD', amount: { amount: total }, cardNumber: '4242424242424242' }],
      },
      key: randomUUID(),
    },
    buyer,
  );
  expect(done.checkoutComplete.userErrors).toEqual([]);
  return done.checkoutComplete.order;
}

const shipTo = (coordinates: { latitude: number; longitude: number }) => ({
  address: { address1: 'Teststraße 1', city: 'Somewhere', postalCode: '10000', countryCode: 'DE', coordinates },
});

const packages = (order: { fulfillmentOrders: { location: { id: string }; lines: { sku: string }[] }[] }) =>
  Object.fromEntries(order.fulfillmentOrders.map((fo) => [fo.location.id, fo.lines.map((l) => l.sku)]));

async function level(sku: string, locationId: string): Promise<{ onHand: number; reserved: number }> {
  const { inventoryLevels } = await api(
    `query($skus: [String!], $at: [ID!]) { inventoryLevels(skus: $skus, locationIds: $at, first: 1) { nodes { onHand reserved } } }`,
    { skus: [sku], at: [locationId] },
    admin,
  );
  return inventoryLevels.nodes[0] ?? { onHand: 0, reserved: 0 };
}

const THREE_LINES = [
  { sku: 'FO-A', quantity: 1 },
  { sku: 'FO-B', quantity: 1 },
  { sku: 'FO-C', quantity: 1 },
];

it('routes to the fewest packages, breaks a tie by distance, and follows a ranking a manager sets', async () => {
  // Munich: Leipzig is nearest and the only one with C; Berlin is nearer than Hamburg for A and B.
  const munich = await placeOrder(THREE_LINES, shipTo(MUNICH), 'munich@example.com');
  expect(packages(munich)).toEqual({ [stores.leipzig]: ['FO-C'], [stores.berlin]: ['FO-A', 'FO-B'] });
  expect(munich.fulfillmentOrders.every((fo: { status: string; method: string }) => fo.status === 'OPEN' && fo.method === 'SHIP')).toBe(
    true,
  );
  // Hamburg: the Hamburg store is nearest for A and B.
  const hamburg = await placeOrder(THREE_LINES, shipTo(HAMBURG), 'hamburg@example.com');
  expect(packages(hamburg)).toEqual({ [stores.hamburg]: ['FO-A', 'FO-B'], [stores.leipzig]: ['FO-C'] });
  // A manager ranks Hamburg first: it now ships A and B to Munich too.
  const ranked = await api(
    `mutation($id: ID!) { locationUpdate(id: $id, input: { fulfillmentRank: 1 }) { location { fulfillmentRank } userErrors { code } } }`,
    { id: stores.hamburg },
    admin,
  );
  expect(ranked.locationUpdate).toEqual({ location: { fulfillmentRank: 1 }, userErrors: [] });
  const rankedOrder = await placeOrder(THREE_LINES, shipTo(MUNICH), 'ranked@example.com');
  expect(packages(rankedOrder)).toEqual({ [stores.hamburg]: ['FO-A', 'FO-B'], [stores.leipzig]: ['FO-C'] });
  await api(
    `mutation($id: ID!) { locationUpdate(id: $id, input: { fulfillmentRank: null }) { userErrors { code } } }`,
    { id: stores.hamburg },
    admin,
  );
});

it('ships a fulfilment order in two parcels: held stock leaves as a sale, the customer gets each tracking link', async () => {
  const before = await level('FO-A', stores.berlin);
  const order = await placeOrder(THREE_LINES, shipTo(MUNICH), 'parcels@example.com');
  const berlinWork = order.fulfillmentOrders.find((fo: { location: { id: string } }) => fo.location.id === stores.berlin);
  expect(await level('FO-A', stores.berlin)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });

  // The store's pick list shows it; another store's staff cannot list or ship Berlin's work.
  const berlinStaff = await staffOf(stores.berlin);
  const hamburgStaff = await staffOf(stores.hamburg);
  const list = await api(
    `query($at: ID!) { fulfillmentOrders(locationId: $at, first: 50) { nodes { id orderNumber status } } }`,
    { at: stores.berlin },
    berlinStaff,
  );
  expect(list.fulfillmentOrders.nodes).toContainEqual({ id: berlinWork.id, orderNumber: order.number, status: 'OPEN' });
  const listed = await gql(
    system.gateway.url,
    `query($at: ID!) { fulfillmentOrders(locationId: $at) { nodes { id } } }`,
    { at: stores.berlin },
    hamburgStaff,
  );
  expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  // node(id:) and nodes(ids:) answer it as fulfillmentOrder(id) does: Berlin's staff see it, Hamburg's get null.
  const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on FulfillmentOrder { orderNumber } } nodes(ids: [$id]) { id ... on FulfillmentOrder { orderNumber } } }`;
  const seen = await api(NODE, { id: berlinWork.id }, berlinStaff);
  expect(seen).toEqual({
    node: { __typename: 'FulfillmentOrder', id: berlinWork.id, orderNumber: order.number },
    nodes: [{ id: berlinWork.id, orderNumber: order.number }],
  });
  const hidden = await gql(system.gateway.url, NODE, { id: berlinWork.id }, hamburgStaff);
  expect(hidden.data).toEqual({ node: null, nodes: [null] });
  expect(JSON.stringify(hidden)).not.toContain(order.number);

  const CREATE = `mutation($input: FulfillmentCreateInput!, $key: String!) { fulfillmentCreate(input: $input, idempotencyKey: $key) {
    fulfillment { id kind lines { sku quantity } tracking { company number url } } order { fulfillmentStatus } userErrors { field code } } }`;
  const details = await api(`query($id: ID!) { order(id: $id) { lines { id sku } } }`, { id: order.id }, admin);
  const lineId = (sku: string) => details.order.lines.find((l: { sku: string }) => l.sku === sku).id;
  const first = {
    fulfillmentOrderId: berlinWork.id,
    lines: [{ orderLineId: lineId('FO-A'), quantity: 1 }],
    tracking: { company: 'DHL', number: '00340434161094042557', url: 'https://tracking.example.com/00340434161094042557' },
  };
  const foreign = await gql(system.gateway.url, CREATE, { input: first, key: randomUUID() }, hamburgStaff);
  expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const tooMany = await api(
    CREATE,
    { input: { ...first, lines: [{ orderLineId: lineId('FO-A'), quantity: 2 }] }, key: randomUUID() },
    berlinStaff,
  );
  expect(tooMany.fulfillmentCreate.userErrors).toEqual([{ field: ['input', 'lines', '0', 'quantity'], code: 'LESS_THAN_OR_EQUAL_TO' }]);

  const key = randomUUID();
  const shipped = await api(CREATE, { input: first, key }, berlinStaff);
  expect(shipped.fulfillmentCreate).toMatchObject({
    fulfillment: { kind: 'SHIPMENT', lines: [{ sku: 'FO-A', quantity: 1 }], tracking: [first.tracking] },
    order: { fulfillmentStatus: 'PARTIALLY_FULFILLED' },
    userErrors: [],
  });
  // The unit left Berlin as a sale; nothing else is held for it there.
  expect(await level('FO-A', stores.berlin)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
  // A retry under the key answers the same parcel; the key with other lines is refused.
  expect((await api(CREATE, { input: first, key }, berlinStaff)).fulfillmentCreate.fulfillment.id).toBe(
    shipped.fulfillmentCreate.fulfillment.id,
  );
  const mismatch = await api(CREATE, { input: { ...first, lines: [{ orderLineId: lineId('FO-B'), quantity: 1 }] }, key }, berlinStaff);
  expect(mismatch.fulfillmentCreate.userErrors.map((e: { code: string }) => e.code)).toEqual(['IDEMPOTENCY_KEY_MISMATCH']);
  expect(await level('FO-A', stores.berlin)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });

  // The rest of Berlin's part, then Leipzig's: everything left.
  const rest = await api(CREATE, { input: { fulfillmentOrderId: berlinWork.id }, key: randomUUID() }, berlinStaff);
  expect(rest.fulfillmentCreate.fulfillment.lines).toEqual([{ sku: 'FO-B', quantity: 1 }]);
  const leipzigWork = order.fulfillmentOrders.find((fo: { location: { id: string } }) => fo.location.id === stores.leipzig);
  const last = await api(CREATE, { input: { fulfillmentOrderId: leipzigWork.id, tracking: { number: 'LZ-1' } }, key: randomUUID() }, admin);
  expect(last.fulfillmentCreate.order.fulfillmentStatus).toBe('FULFILLED');
  const nothingLeft = await api(CREATE, { input: { fulfillmentOrderId: leipzigWork.id }, key: randomUUID() }, admin);
  expect(nothingLeft.fulfillmentCreate.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOTHING_TO_FULFIL']);

  // Tracking changes: the customer hears of it too.
  const update = await api(
    `mutation($id: ID!, $tracking: TrackingInput!) { fulfillmentTrackingUpdate(fulfillmentId: $id, tracking: $tracking) {
      fulfillment { tracking { number url } } userErrors { code } } }`,
    {
      id: shipped.fulfillmentCreate.fulfillment.id,
      tracking: { company: 'DHL', number: 'NEW-1', url: 'https://tracking.example.com/NEW-1' },
    },
    berlinStaff,
  );
  expect(update.fulfillmentTrackingUpdate).toEqual({
    fulfillment: { tracking: [{ number: 'NEW-1', url: 'https://tracking.example.com/NEW-1' }] },
    userErrors: [],
  });
  const mail = await eventually(async () => {
    const mine = (await readMailbox(system.mailDirectory)).filter((m) => m.to === 'parcels@example.com');
    return mine.length >= 4 ? mine : null;
  });
  expect(mail.filter((m) => m.subject === `Your order ${order.number} is on its way`)).toHaveLength(3);
  expect(mail.some((m) => m.body.includes('https://tracking.example.com/00340434161094042557'))).toBe(true);
  expect(mail.some((m) => m.subject === `New tracking for your order ${order.number}` && m.body.includes('NEW-1'))).toBe(true);
});

it('buy online, pick up in store: ready with a code and a deadline, handed over by that store only, stock leaves there', async () => {
  const before = await level('FO-PICK', stores.berlin);
  const buyer = await newCustomer(system, 'pickup@example.com');
  const order = await placeOrder(
    [{ sku: 'FO-PICK', quantity: 1 }],
    { handle: `PICKUP:${stores.berlin}` },
    'pickup@example.com',
    buyer.headers,
  );
  expect(order).toMatchObject({ fulfillmentStatus: 'UNFULFILLED', pickupCode: null });
  expect(order.fulfillmentOrders).toEqual([expect.objectContaining({ method: 'PICKUP', status: 'OPEN', location: { id: stores.berlin } })]);
  const READY = `mutation($id: ID!) { orderReadyForPickup(orderId: $id) { order { ${ORDER} } userErrors { code } } }`;
  const PICK_UP = `mutation($id: ID!, $input: OrderPickUpInput!, $key: String!) { orderPickUp(orderId: $id, input: $input, idempotencyKey: $key) {
    order { fulfillmentStatus fulfillments { kind location { id } } } userErrors { code } } }`;
  const hamburgStaff = await staffOf(stores.hamburg);
  const berlinStaff = await staffOf(stores.berlin);
  expect((await gql(system.gateway.url, READY, { id: order.id }, hamburgStaff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const early = await api(PICK_UP, { id: order.id, input: { pickupCode: 'AAAAAA' }, key: randomUUID() }, berlinStaff);
  expect(early.orderPickUp.userErrors).toEqual([{ code: 'NOT_READY_FOR_PICKUP' }]);

  const ready = (await api(READY, { id: order.id }, berlinStaff)).orderReadyForPickup;
  expect(ready.userErrors).toEqual([]);
  expect(ready.order.fulfillmentStatus).toBe('READY_FOR_PICKUP');
  expect(ready.order.pickupCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  const days = (Date.parse(ready.order.pickupDeadline) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThanOrEqual(7);
  expect(ready.order.fulfillmentOrders[0].status).toBe('READY_FOR_PICKUP');
  // Marking it again changes nothing.
  expect((await api(READY, { id: order.id }, berlinStaff)).orderReadyForPickup.order.pickupCode).toBe(ready.order.pickupCode);

  const wrong = await api(PICK_UP, { id: order.id, input: { pickupCode: 'ZZZZZZ' }, key: randomUUID() }, berlinStaff);
  expect(wrong.orderPickUp.userErrors).toEqual([{ code: 'PICKUP_NOT_VERIFIED' }]);
  const elsewhere = await gql(
    system.gateway.url,
    PICK_UP,
    { id: order.id, input: { pickupCode: ready.order.pickupCode }, key: randomUUID() },
    hamburgStaff,
  );
  expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await level('FO-PICK', stores.berlin)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });

  const key = randomUUID();
  const collected = await api(PICK_UP, { id: order.id, input: { pickupCode: ready.order.pickupCode.toLowerCase() }, key }, berlinStaff);
  expect(collected.orderPickUp).toEqual({
    order: { fulfillmentStatus: 'PICKED_UP', fulfillments: [{ kind: 'PICKUP', location: { id: stores.berlin } }] },
    userErrors: [],
  });
  expect(await level('FO-PICK', stores.berlin)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
  // A retry hands over nothing more.
  expect(
    (await api(PICK_UP, { id: order.id, input: { pickupCode: ready.order.pickupCode }, key }, berlinStaff)).orderPickUp.order.fulfillments,
  ).toHaveLength(1);
  expect(await level('FO-PICK', stores.berlin)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
  const mail = await eventually(async () => (await readMailbox(system.mailDirectory)).find((m) => m.to === 'pickup@example.com') ?? null);
  expect(mail.subject).toBe(`Your order ${order.number} is ready for pickup`);
  expect(mail.body).toContain(ready.order.pickupCode);
  // The customer's timeline shows the journey, at the store where it happened.
  const timeline = await eventually(async () => {
    const { customer } = await api(
      `query($id: ID!) { customer(id: $id) { events(first: 10) { nodes { type locationId } } } }`,
      { id: buyer.id },
      buyer.headers,
    );
    return customer.events.nodes.length >= 5 ? customer.events.nodes : null;
  });
  expect(timeline.map((e: { type: string }) => e.type).reverse()).toEqual([
    'SIGNED_UP',
    'ORDER_PLACED',
    'ORDER_READY_FOR_PICKUP',
    'ORDER_FULFILLED',
    'ORDER_PICKED_UP',
  ]);
  expect(timeline[0].locationId).toBe(stores.berlin);

  // Returned at another store: restocked there (not where it was sold), refunded what was paid for it.
  const hamburgBefore = await level('FO-PICK', stores.hamburg);
  const { order: sold } = await api(`query($id: ID!) { order(id: $id) { lines { id } } }`, { id: order.id }, hamburgStaff);
  const taken = await api(
    `mutation($orderId: ID!, $lines: [ReturnLineInput!]!, $at: ID!, $key: String!) {
      returnCreate(orderId: $orderId, lines: $lines, locationId: $at, idempotencyKey: $key) { return { id lines { id } } userErrors { code } } }`,
    {
      orderId: order.id,
      lines: [{ orderLineId: sold.lines[0].id, quantity: 1, reason: 'Wrong size' }],
      at: stores.hamburg,
      key: randomUUID(),
    },
    hamburgStaff,
  );
  expect(taken.returnCreate.userErrors).toEqual([]);
  const back = await api(
    `mutation($id: ID!, $lines: [ReturnReceiveLineInput!]!) { returnReceive(returnId: $id, lines: $lines) { order { fulfillmentStatus } userErrors { code } } }`,
    {
      id: taken.returnCreate.return.id,
      lines: [{ returnLineId: taken.returnCreate.return.lines[0].id, quantity: 1, disposition: 'RESTOCK' }],
    },
    hamburgStaff,
  );
  expect(back.returnReceive).toEqual({ order: { fulfillmentStatus: 'RETURNED' }, userErrors: [] });
  expect(await level('FO-PICK', stores.hamburg)).toEqual({ onHand: hamburgBefore.onHand + 1, reserved: hamburgBefore.reserved });
  expect(await level('FO-PICK', stores.berlin)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
  const refunded = await api(
    `mutation($orderId: ID!, $lines: [RefundLineInput!]!, $key: String!) {
      refundCreate(orderId: $orderId, lines: $lines, idempotencyKey: $key) { refund { status total { amount } } order { financialStatus } userErrors { code } } }`,
    { orderId: order.id, lines: [{ orderLineId: sold.lines[0].id, quantity: 1 }], key: randomUUID() },
    hamburgStaff,
  );
  expect(refunded.refundCreate.userErrors).toEqual([]);
  expect(refunded.refundCreate.refund.total).toEqual({ amount: '30.00' });
});

it('ship to store: a transfer carries the held units; ready only once the store received it', async () => {
  const order = await placeOrder([{ sku: 'FO-S2S', quantity: 1 }], { handle: `SHIP_TO_STORE:${stores.hamburg}` }, 's2s@example.com');
  // The shopper sees the plan; the transfer behind it is staff's business.
  expect(order.fulfillmentOrders[0].transfer).toBeNull();
  const staffView = await api(`query($id: ID!) { order(id: $id) { fulfillmentOrders { ${FO} } } }`, { id: order.id }, admin);
  const [work] = staffView.order.fulfillmentOrders;
  expect(work).toMatchObject({
    method: 'SHIP_TO_STORE',
    status: 'AWAITING_TRANSFER',
    location: { id: stores.leipzig },
    destination: { id: stores.hamburg },
    transfer: { status: 'DRAFT' },
  });
  // Hamburg sees the order waiting on its transfer; it cannot be marked ready yet.
  const hamburgStaff = await staffOf(stores.hamburg);
  const waiting = await api(
    `query($at: ID!) { fulfillmentOrders(locationId: $at, status: AWAITING_TRANSFER) { nodes { orderNumber transfer { id } } } }`,
    { at: stores.hamburg },
    hamburgStaff,
  );
  expect(waiting.fulfillmentOrders.nodes).toEqual([{ orderNumber: order.number, transfer: { id: work.transfer.id } }]);
  const READY = `mutation($id: ID!) { orderReadyForPickup(orderId: $id) { order { fulfillmentStatus pickupCode } userErrors { code } } }`;
  expect((await api(READY, { id: order.id }, hamburgStaff)).orderReadyForPickup.userErrors).toEqual([{ code: 'TRANSFER_NOT_RECEIVED' }]);

  // Leipzig ships it (the held unit leaves; nothing else there is touched), Hamburg receives it (held again there).
  const shipped = await api(
    `mutation($id: ID!) { inventoryTransferShip(id: $id, idempotencyKey: "s2s-ship") { inventoryTransfer { status } userErrors { code } } }`,
    { id: work.transfer.id },
    admin,
  );
  expect(shipped.inventoryTransferShip).toEqual({ inventoryTransfer: { status: 'IN_TRANSIT' }, userErrors: [] });
  expect((await api(READY, { id: order.id }, hamburgStaff)).orderReadyForPickup.userErrors).toEqual([{ code: 'TRANSFER_NOT_RECEIVED' }]);
  const received = await api(
    `mutation($id: ID!) { inventoryTransferReceive(id: $id, lines: [{ sku: "FO-S2S", quantity: 1 }], idempotencyKey: "s2s-receive") {
      inventoryTransfer { status } userErrors { code } } }`,
    { id: work.transfer.id },
    hamburgStaff,
  );
  expect(received.inventoryTransferReceive).toEqual({ inventoryTransfer: { status: 'RECEIVED' }, userErrors: [] });
  expect(await level('FO-S2S', stores.hamburg)).toEqual({ onHand: 1, reserved: 1 });

  const ready = (await api(READY, { id: order.id }, hamburgStaff)).orderReadyForPickup;
  expect(ready).toMatchObject({ order: { fulfillmentStatus: 'READY_FOR_PICKUP' }, userErrors: [] });
  const collected = await api(
    `mutation($id: ID!, $code: String!) { orderPickUp(orderId: $id, input: { pickupCode: $code }, idempotencyKey: "s2s-pickup") {
      order { fulfillmentStatus } userErrors { code } } }`,
    { id: order.id, code: ready.order.pickupCode },
    hamburgStaff,
  );
  expect(collected.orderPickUp).toEqual({ order: { fulfillmentStatus: 'PICKED_UP' }, userErrors: [] });
  expect(await level('FO-S2S', stores.hamburg)).toEqual({ onHand: 0, reserved: 0 });
  expect(await level('FO-S2S', stores.leipzig)).toEqual({ onHand: 0, reserved: 0 });
});

it('moves what a location cannot serve to one that has it; the hold moves with it', async () => {
  const order = await placeOrder([{ sku: 'FO-C', quantity: 2 }], shipTo(MUNICH), 'moved@example.com');
  const [work] = order.fulfillmentOrders;
  expect(work.location.id).toBe(stores.leipzig);
  const MOVE = `mutation($id: ID!, $to: ID!, $key: String!) { fulfillmentOrderMove(fulfillmentOrderId: $id, locationId: $to, idempotencyKey: $key) {
    originalFulfillmentOrder { status lines { removedQuantity } } movedFulfillmentOrder { id status location { id } lines { sku quantity } }
    userErrors { field code } } }`;
  const leipzigBefore = await level('FO-C', stores.leipzig);
  const refused = await api(MOVE, { id: work.id, to: stores.erfurt, key: randomUUID() }, admin);
  expect(refused.fulfillmentOrderMove.userErrors).toEqual([{ field: ['locationId'], code: 'INSUFFICIENT_STOCK' }]);
  expect(await level('FO-C', stores.leipzig)).toEqual(leipzigBefore);

  await api(
    `mutation { inventoryAdjust(input: { sku: "FO-C", locationId: "${stores.erfurt}", delta: 5, reason: RECEIVED }) { userErrors { code } } }`,
    {},
    admin,
  );
  const key = randomUUID();
  const leipzigStaff = await staffOf(stores.leipzig);
  const moved = await api(MOVE, { id: work.id, to: stores.erfurt, key }, leipzigStaff);
  expect(moved.fulfillmentOrderMove).toMatchObject({
    originalFulfillmentOrder: { status: 'CANCELLED', lines: [{ removedQuantity: 2 }] },
    movedFulfillmentOrder: { status: 'OPEN', location: { id: stores.erfurt }, lines: [{ sku: 'FO-C', quantity: 2 }] },
    userErrors: [],
  });
  expect(await level('FO-C', stores.leipzig)).toEqual({ onHand: leipzigBefore.onHand, reserved: leipzigBefore.reserved - 2 });
  expect(await level('FO-C', stores.erfurt)).toEqual({ onHand: 5, reserved: 2 });
  // The same key answers the same move; nothing moves twice.
  const replay = await api(MOVE, { id: work.id, to: stores.erfurt, key }, leipzigStaff);
  expect(replay.fulfillmentOrderMove.movedFulfillmentOrder.id).toBe(moved.fulfillmentOrderMove.movedFulfillmentOrder.id);
  expect(await level('FO-C', stores.erfurt)).toEqual({ onHand: 5, reserved: 2 });
  // Erfurt ships it.
  const shipped = await api(
    `mutation($id: ID!) { fulfillmentCreate(input: { fulfillmentOrderId: $id }, idempotencyKey: "moved-ship") { order { fulfillmentStatus } userErrors { code } } }`,
    { id: moved.fulfillmentOrderMove.movedFulfillmentOrder.id },
    await staffOf(stores.erfurt),
  );
  expect(shipped.fulfillmentCreate).toEqual({ order: { fulfillmentStatus: 'FULFILLED' }, userErrors: [] });
  expect(await level('FO-C', stores.erfurt)).toEqual({ onHand: 3, reserved: 0 });
});

it('pay at pickup: placed unpaid, paid at the till in cash with change when collected, once however often asked', async () => {
  const created = await api(
    `mutation($input: CartCreateInput!) { cartCreate(input: $input) { ${PAYLOAD} } }`,
    {
      input: { channel: 'WEB', lines: [{ sku: 'FO-PICK', quantity: 1 }], buyerIdentity: { countryCode: 'DE', email: 'till@example.com' } },
    },
    ANONYMOUS,
  );
  const cartId = created.cartCreate.cart.id;
  await api(
    `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle }) { userErrors { code } } }`,
    { id: cartId, handle: `PICKUP:${stores.berlin}` },
    ANONYMOUS,
  );
  const COMPLETE = `mutation($cartId: ID!, $input: CheckoutCompleteInput!, $key: String!) {
    checkoutComplete(cartId: $cartId, input: $input, idempotencyKey: $key) { order { id financialStatus totals { total { amount } } } userErrors { field code } } }`;
  const shipped = await api(COMPLETE, { cartId, input: { payments: [], payAtPickup: true }, key: randomUUID() }, ANONYMOUS);
  expect(shipped.checkoutComplete.userErrors).toEqual([]);
  const order = shipped.checkoutComplete.order;
  expect(order.financialStatus).toBe('PENDING');
  const total = order.totals.total.amount as string;

  const berlinStaff = await staffOf(stores.berlin);
  const { orderReadyForPickup } = await api(
    `mutation($id: ID!) { orderReadyForPickup(orderId: $id) { order { pickupCode } userErrors { code } } }`,
    { id: order.id },
    berlinStaff,
  );
  const code = orderReadyForPickup.order.pickupCode;
  const PICK_UP = `mutation($id: ID!, $input: OrderPickUpInput!, $key: String!) { orderPickUp(orderId: $id, input: $input, idempotencyKey: $key) {
    order { financialStatus fulfillmentStatus payments { method amount { amount } captured { amount } events { kind amount { amount } } } }
    userErrors { field code } } }`;
  const unpaid = await api(PICK_UP, { id: order.id, input: { pickupCode: code }, key: randomUUID() }, berlinStaff);
  expect(unpaid.orderPickUp.userErrors).toEqual([{ field: ['input', 'payments'], code: 'PAYMENT_MISMATCH' }]);
  const declined = await api(
    PICK_UP,
    {
      id: order.id,
      input: { pickupCode: code, payments: [{ method: 'TEST_CARD', amount: { amount: total }, cardNumber: '4000000000000002' }] },
      key: randomUUID(),
    },
    berlinStaff,
  );
  expect(declined.orderPickUp.userErrors).toEqual([{ field: ['input', 'payments', '0'], code: 'PAYMENT_DECLINED' }]);
  expect((await api(`query($id: ID!) { order(id: $id) { fulfillmentStatus } }`, { id: order.id }, admin)).order.fulfillmentStatus).toBe(
    'READY_FOR_PICKUP',
  );

  const key = randomUUID();
  const cash = { pickupCode: code, payments: [{ method: 'CASH', amount: { amount: total }, amountTendered: { amount: '50.00' } }] };
  const paid = await api(PICK_UP, { id: order.id, input: cash, key }, berlinStaff);
  const change = (5000 - Math.round(Number(total) * 100)) / 100;
  expect(paid.orderPickUp).toEqual({
    order: {
      financialStatus: 'PAID',
      fulfillmentStatus: 'PICKED_UP',
      payments: [
        {
          method: 'CASH',
          amount: { amount: total },
          captured: { amount: total },
          events: [
            { kind: 'SALE', amount: { amount: '50.00' } },
            { kind: 'CHANGE', amount: { amount: change.toFixed(2) } },
          ],
        },
      ],
    },
    userErrors: [],
  });
  // Asked again under the key: the same answer, nothing recorded twice.
  expect((await api(PICK_UP, { id: order.id, input: cash, key }, berlinStaff)).orderPickUp).toEqual(paid.orderPickUp);

  // A unit the shop cancels before pickup is not charged at the till.
  const halfCart = await api(
    `mutation($input: CartCreateInput!) { cartCreate(input: $input) { cart { id lines(first: 1) { nodes { id } } } } }`,
    {
      input: { channel: 'WEB', lines: [{ sku: 'FO-HALF', quantity: 2 }], buyerIdentity: { countryCode: 'DE', email: 'half@example.com' } },
    },
    ANONYMOUS,
  );
  const halfId = halfCart.cartCreate.cart.id;
  await api(
    `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle }) { userErrors { code } } }`,
    { id: halfId, handle: `PICKUP:${stores.berlin}` },
    ANONYMOUS,
  );
  const half = (await api(COMPLETE, { cartId: halfId, input: { payments: [], payAtPickup: true }, key: randomUUID() }, ANONYMOUS))
    .checkoutComplete.order;
  const { order: placedHalf } = await api(`query($id: ID!) { order(id: $id) { lines { id } } }`, { id: half.id }, admin);
  const cancelled = await api(
    `mutation($id: ID!, $lines: [OrderLineCancelInput!]!) { orderLinesCancel(orderId: $id, lines: $lines, reason: "damaged", idempotencyKey: "half-1") { userErrors { code } } }`,
    { id: half.id, lines: [{ orderLineId: placedHalf.lines[0].id, quantity: 1 }] },
    admin,
  );
  expect(cancelled.orderLinesCancel.userErrors).toEqual([]);
  const halfReady = await api(
    `mutation($id: ID!) { orderReadyForPickup(orderId: $id) { order { pickupCode } } }`,
    { id: half.id },
    berlinStaff,
  );
  const halfCode = halfReady.orderReadyForPickup.order.pickupCode;
  const full = await api(
    PICK_UP,
    { id: half.id, input: { pickupCode: halfCode, payments: [{ method: 'MANUAL', amount: { amount: '24.00' } }] }, key: randomUUID() },
    berlinStaff,
  );
  expect(full.orderPickUp.userErrors).toEqual([{ field: ['input', 'payments'], code: 'PAYMENT_MISMATCH' }]);
  const owed = await api(
    PICK_UP,
    { id: half.id, input: { pickupCode: halfCode, payments: [{ method: 'MANUAL', amount: { amount: '12.00' } }] }, key: randomUUID() },
    berlinStaff,
  );
  expect(owed.orderPickUp.userErrors).toEqual([]);
  expect(owed.orderPickUp.order.fulfillmentStatus).toBe('PICKED_UP');
});

it('answers what an outsider sends with clear errors and changes nothing', async () => {
  const berlinStaff = await staffOf(stores.berlin);
  const CREATE = `mutation($input: FulfillmentCreateInput!, $key: String!) { fulfillmentCreate(input: $input, idempotencyKey: $key) { fulfillment { id } userErrors { field code } } }`;
  const codes = async (query: string, variables: Record<string, unknown>, headers: AuthHeaders) => {
    const result = await gql(system.gateway.url, query, variables, headers);
    const payload = result.data ? (Object.values(result.data)[0] as { userErrors?: { code: string }[] } | null) : null;
    return payload?.userErrors?.map((e) => e.code) ?? result.errors?.map((e) => e.extensions?.code);
  };
  expect(await codes(CREATE, { input: { fulfillmentOrderId: 'not-an-id' }, key: 'k' }, berlinStaff)).toEqual(['NOT_FOUND']);
  expect(await codes(CREATE, { input: { fulfillmentOrderId: randomUUID() }, key: 'x'.repeat(201) }, berlinStaff)).toEqual(['INVALID']);
  expect(
    await codes(CREATE, { input: { fulfillmentOrderId: randomUUID(), tracking: { url: 'javascript:alert(1)' } }, key: 'k' }, berlinStaff),
  ).toEqual(['INVALID']);
  const customer = await newCustomer(system, 'outsider@example.com');
  expect(await codes(CREATE, { input: { fulfillmentOrderId: randomUUID() }, key: 'k' }, customer.headers)).toEqual(['FORBIDDEN']);
  const READY = `mutation($id: ID!) { orderReadyForPickup(orderId: $id) { userErrors { code } } }`;
  expect(await codes(READY, { id: 'gid://commerce/Order/nope' }, berlinStaff)).toEqual(['NOT_FOUND']);
  const MOVE = `mutation($id: ID!, $to: ID!) { fulfillmentOrderMove(fulfillmentOrderId: $id, locationId: $to, idempotencyKey: "k") { userErrors { code } } }`;
  expect(await codes(MOVE, { id: '12', to: stores.erfurt }, berlinStaff)).toEqual(['NOT_FOUND']);
  expect(await codes(`query { fulfillmentOrders(locationId: "${stores.berlin}") { nodes { id } } }`, {}, customer.headers)).toEqual([
    'FORBIDDEN',
  ]);
});

/** A pickup order at Berlin placed "pay at pickup" and marked ready: its id, total and pickup code. */
async function readyPayAtPickup(sku: string, email: string, berlinStaff: AuthHeaders) {
  const created = await api(
    `mutation($input: CartCreateInput!) { cartCreate(input: $input) { ${PAYLOAD} } }`,
    { input: { channel: 'WEB', lines: [{ sku, quantity: 1 }], buyerIdentity: { countryCode: 'DE', email } } },
    ANONYMOUS,
  );
  const cartId = created.cartCreate.cart.id;
  await api(
    `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle }) { userErrors { code } } }`,
    { id: cartId, handle: `PICKUP:${stores.berlin}` },
    ANONYMOUS,
  );
  const placed = await api(
    `mutation($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, input: { payments: [], payAtPickup: true }, idempotencyKey: $key) {
      order { id totals { total { amount } } } userErrors { code } } }`,
    { cartId, key: randomUUID() },
    ANONYMOUS,
  );
  expect(placed.checkoutComplete.userErrors).toEqual([]);
  const { order } = placed.checkoutComplete;
  const ready = await api(
    `mutation($id: ID!) { orderReadyForPickup(orderId: $id) { order { pickupCode } userErrors { code } } }`,
    { id: order.id },
    berlinStaff,
  );
  expect(ready.orderReadyForPickup.userErrors).toEqual([]);
  return { id: order.id as string, total: order.totals.total.amount as string, code: ready.orderReadyForPickup.order.pickupCode as string };
}

const TILL_PICK_UP = `mutation($id: ID!, $input: OrderPickUpInput!, $key: String!) { orderPickUp(orderId: $id, input: $input, idempotencyKey: $key) {
  order { financialStatus fulfillmentStatus fulfillments { id } } userErrors { field code } } }`;
const orderState = async (id: string) =>
  (
    await api(
      `query($id: ID!) { order(id: $id) { financialStatus fulfillmentStatus fulfillments { id } payments { amount { amount } } } }`,
      { id },
      admin,
    )
  ).order;

it('a pickup key used again for another order is IDEMPOTENCY_KEY_MISMATCH: that order is not handed over unpaid', async () => {
  const berlinStaff = await staffOf(stores.berlin);
  const first = await readyPayAtPickup('FO-KEY', 'key-first@example.com', berlinStaff);
  const second = await readyPayAtPickup('FO-KEY', 'key-second@example.com', berlinStaff);
  const cash = (order: { code: string; total: string }) => ({
    pickupCode: order.code,
    payments: [{ method: 'CASH', amount: { amount: order.total } }],
  });
  const key = randomUUID();
  const paid = await api(TILL_PICK_UP, { id: first.id, input: cash(first), key }, berlinStaff);
  expect(paid.orderPickUp.userErrors).toEqual([]);
  expect(paid.orderPickUp.order).toMatchObject({ financialStatus: 'PAID', fulfillmentStatus: 'PICKED_UP' });
  const before = await level('FO-KEY', stores.berlin);

  const reused = await api(TILL_PICK_UP, { id: second.id, input: cash(second), key }, berlinStaff);
  expect(reused.orderPickUp.userErrors).toEqual([{ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' }]);
  expect(await orderState(second.id)).toEqual({
    financialStatus: 'PENDING',
    fulfillmentStatus: 'READY_FOR_PICKUP',
    fulfillments: [],
    payments: [],
  });
  expect(await level('FO-KEY', stores.berlin)).toEqual(before);
  // The same key with other tenders for the first order is refused too; its own replay still answers.
  const otherTenders = { pickupCode: first.code, payments: [{ method: 'MANUAL', amount: { amount: first.total } }] };
  expect((await api(TILL_PICK_UP, { id: first.id, input: otherTenders, key }, berlinStaff)).orderPickUp.userErrors).toEqual([
    { field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' },
  ]);
  expect((await api(TILL_PICK_UP, { id: first.id, input: cash(first), key }, berlinStaff)).orderPickUp).toEqual(paid.orderPickUp);
  // Under its own key the second order is paid and handed over as usual; a refusal changed nothing, so it did not use up the key.
  const ownKey = randomUUID();
  const declinedCard = {
    pickupCode: second.code,
    payments: [{ method: 'TEST_CARD', amount: { amount: second.total }, cardNumber: '4000000000000002' }],
  };
  expect((await api(TILL_PICK_UP, { id: second.id, input: declinedCard, key: ownKey }, berlinStaff)).orderPickUp.userErrors).toEqual([
    { field: ['input', 'payments', '0'], code: 'PAYMENT_DECLINED' },
  ]);
  const own = await api(TILL_PICK_UP, { id: second.id, input: cash(second), key: ownKey }, berlinStaff);
  expect(own.orderPickUp.userErrors).toEqual([]);
  expect(own.orderPickUp.order).toMatchObject({ financialStatus: 'PAID', fulfillmentStatus: 'PICKED_UP' });
});

it('two tills handing over the same order: one hands it over and takes the money, the other is told there is nothing left', async () => {
  const tillA = await staffOf(stores.berlin);
  const tillB = await staffOf(stores.berlin);
  const order = await readyPayAtPickup('FO-TWICE', 'twice@example.com', tillA);
  const before = await level('FO-TWICE', stores.berlin);
  const cash = { pickupCode: order.code, payments: [{ method: 'CASH', amount: { amount: order.total } }] };
  const [a, b] = await Promise.all([
    api(TILL_PICK_UP, { id: order.id, input: cash, key: randomUUID() }, tillA),
    api(TILL_PICK_UP, { id: order.id, input: cash, key: randomUUID() }, tillB),
  ]);
  const answers = [a.orderPickUp.userErrors, b.orderPickUp.userErrors].map((errors: { code: string }[]) => errors.map((e) => e.code));
  expect(answers.filter((codes) => codes.length === 0)).toHaveLength(1);
  const after = await orderState(order.id);
  expect(after.fulfillments).toHaveLength(1);
  expect(after.payments).toEqual([{ amount: { amount: order.total } }]);
  expect(await level('FO-TWICE', stores.berlin)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 1 });

  // A till asking later under a new key is told nothing is left; it takes no money and hands over nothing.
  const late = await api(TILL_PICK_UP, { id: order.id, input: { pickupCode: order.code }, key: randomUUID() }, tillB);
  expect(late.orderPickUp.userErrors).toEqual([{ field: ['orderId'], code: 'NOTHING_TO_FULFIL' }]);
  expect(await orderState(order.id)).toEqual(after);
});

it('a move key used again for another fulfilment order is IDEMPOTENCY_KEY_MISMATCH, and nothing moves', async () => {
  const one = await placeOrder([{ sku: 'FO-MV', quantity: 1 }], shipTo(MUNICH), 'mv-one@example.com');
  const two = await placeOrder([{ sku: 'FO-MV', quantity: 1 }], shipTo(MUNICH), 'mv-two@example.com');
  expect([one, two].map((o) => o.fulfillmentOrders[0].location.id)).toEqual([stores.leipzig, stores.leipzig]);
  await api(
    `mutation { inventoryAdjust(input: { sku: "FO-MV", locationId: "${stores.erfurt}", delta: 4, reason: RECEIVED }) { userErrors { code } } }`,
    {},
    admin,
  );
  const MOVE = `mutation($id: ID!, $to: ID!, $key: String!) { fulfillmentOrderMove(fulfillmentOrderId: $id, locationId: $to, idempotencyKey: $key) {
    movedFulfillmentOrder { id } userErrors { field code } } }`;
  const leipzigStaff = await staffOf(stores.leipzig);
  const key = randomUUID();
  const moved = await api(MOVE, { id: one.fulfillmentOrders[0].id, to: stores.erfurt, key }, leipzigStaff);
  expect(moved.fulfillmentOrderMove.userErrors).toEqual([]);
  const levels = [await level('FO-MV', stores.leipzig), await level('FO-MV', stores.erfurt)];

  const reused = await api(MOVE, { id: two.fulfillmentOrders[0].id, to: stores.erfurt, key }, leipzigStaff);
  expect(reused.fulfillmentOrderMove).toEqual({
    movedFulfillmentOrder: null,
    userErrors: [{ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' }],
  });
  expect([await level('FO-MV', stores.leipzig), await level('FO-MV', stores.erfurt)]).toEqual(levels);
  const { order } = await api(`query($id: ID!) { order(id: $id) { fulfillmentOrders { status location { id } } } }`, { id: two.id }, admin);
  expect(order.fulfillmentOrders).toEqual([{ status: 'OPEN', location: { id: stores.leipzig } }]);
});

it('ship to store: a transfer closed short is not "arrived"; the order is not ready while units it waits for were lost', async () => {
  const order = await placeOrder([{ sku: 'FO-SHORT', quantity: 2 }], { handle: `SHIP_TO_STORE:${stores.hamburg}` }, 'short@example.com');
  const staffView = await api(`query($id: ID!) { order(id: $id) { fulfillmentOrders { ${FO} } } }`, { id: order.id }, admin);
  const transferId = staffView.order.fulfillmentOrders[0].transfer.id;
  const hamburgStaff = await staffOf(stores.hamburg);
  const shipped = await api(
    `mutation($id: ID!) { inventoryTransferShip(id: $id, idempotencyKey: "short-ship") { userErrors { code } } }`,
    { id: transferId },
    admin,
  );
  expect(shipped.inventoryTransferShip.userErrors).toEqual([]);
  const received = await api(
    `mutation($id: ID!) { inventoryTransferReceive(id: $id, lines: [{ sku: "FO-SHORT", quantity: 1 }], idempotencyKey: "short-receive") {
      inventoryTransfer { status } userErrors { code } } }`,
    { id: transferId },
    hamburgStaff,
  );
  expect(received.inventoryTransferReceive).toEqual({ inventoryTransfer: { status: 'PARTIALLY_RECEIVED' }, userErrors: [] });
  const closed = await api(
    `mutation($id: ID!) { inventoryTransferClose(id: $id) { inventoryTransfer { status } userErrors { code } } }`,
    { id: transferId },
    admin,
  );
  expect(closed.inventoryTransferClose).toEqual({ inventoryTransfer: { status: 'CLOSED' }, userErrors: [] });
  expect(await level('FO-SHORT', stores.hamburg)).toEqual({ onHand: 1, reserved: 1 });

  const READY = `mutation($id: ID!) { orderReadyForPickup(orderId: $id) { order { fulfillmentStatus pickupCode } userErrors { field code } } }`;
  const ready = await api(READY, { id: order.id }, hamburgStaff);
  expect(ready.orderReadyForPickup).toEqual({ order: null, userErrors: [{ field: ['orderId'], code: 'TRANSFER_NOT_RECEIVED' }] });
  const { order: after } = await api(
    `query($id: ID!) { order(id: $id) { fulfillmentStatus pickupCode pickupDeadline } }`,
    { id: order.id },
    admin,
  );
  expect(after).toEqual({ fulfillmentStatus: 'UNFULFILLED', pickupCode: null, pickupDeadline: null });
});

it('pay at pickup while inventory is slow: the card is kept for the handover that finishes, and the retry takes the money', async () => {
  const berlinStaff = await staffOf(stores.berlin);
  const order = await readyPayAtPickup('FO-SLOW', 'slow@example.com', berlinStaff);
  const before = await level('FO-SLOW', stores.berlin);
  const card = {
    pickupCode: order.code,
    payments: [{ method: 'TEST_CARD', amount: { amount: order.total }, cardNumber: '4242424242424242' }],
  };
  const key = randomUUID();
  // Inventory cannot take the units out of stock while its reservations are locked: the orders service stops waiting.
  const knex = system.servers.inventory.orm.em.getConnection().getKnex();
  const blocker = await knex.transaction();
  await blocker.raw('lock table inventory.reservation in exclusive mode');
  let slow;
  try {
    slow = await api(TILL_PICK_UP, { id: order.id, input: card, key }, berlinStaff);
  } finally {
    await blocker.commit();
  }
  expect(slow.orderPickUp.userErrors).toEqual([{ field: null, code: 'FULFILMENT_PENDING' }]);

  // Asked again under the key: the handover finishes and the card it was authorized for is captured.
  const retried = await api(TILL_PICK_UP, { id: order.id, input: card, key }, berlinStaff);
  expect(retried.orderPickUp.userErrors).toEqual([]);
  expect(retried.orderPickUp.order).toMatchObject({ financialStatus: 'PAID', fulfillmentStatus: 'PICKED_UP' });
  expect(await orderState(order.id)).toMatchObject({ payments: [{ amount: { amount: order.total } }] });
  expect(await level('FO-SLOW', stores.berlin)).toEqual({ onHand: before.onHand - 1, reserved: before.reserved - 1 });
}, 60_000);

it('fulfilling: another store, a kiosk, too many units, a reused key, a cancelled order and two packers at once are refused; stock leaves once', async () => {
  const order = await placeOrder([{ sku: 'FO-GUARD', quantity: 2 }], shipTo(MUNICH), 'guard@example.com');
  const other = await placeOrder([{ sku: 'FO-GUARD', quantity: 1 }], shipTo(MUNICH), 'guard-other@example.com');
  const [work] = order.fulfillmentOrders;
  expect(work.location.id).toBe(stores.leipzig);
  const lineId = (await api(`query($id: ID!) { order(id: $id) { lines { id } } }`, { id: order.id }, admin)).order.lines[0].id;
  const before = await level('FO-GUARD', stores.leipzig);
  const CREATE = `mutation($input: FulfillmentCreateInput!, $key: String!) { fulfillmentCreate(input: $input, idempotencyKey: $key) {
    fulfillment { id } userErrors { field code } } }`;
  const codes = async (variables: Record<string, unknown>, headers: AuthHeaders) => {
    const result = await gql(system.gateway.url, CREATE, variables, headers);
    return (
      result.data?.fulfillmentCreate?.userErrors?.map((e: { code: string }) => e.code) ?? result.errors?.map((e) => e.extensions?.code)
    );
  };
  const leipzigStaff = await staffOf(stores.leipzig);
  const one = (quantity: number) => ({ fulfillmentOrderId: work.id, lines: [{ orderLineId: lineId, quantity }] });
  expect(await codes({ input: one(1), key: randomUUID() }, await staffOf(stores.berlin))).toEqual(['FORBIDDEN']);
  expect(await codes({ input: one(1), key: randomUUID() }, await bearer(Role.KIOSK, { locationId: stores.leipzig }))).toEqual([
    'FORBIDDEN',
  ]);
  expect(await codes({ input: one(3), key: randomUUID() }, leipzigStaff)).toEqual(['LESS_THAN_OR_EQUAL_TO']);
  expect(await level('FO-GUARD', stores.leipzig)).toEqual(before);

  const key = randomUUID();
  expect(await codes({ input: one(1), key }, leipzigStaff)).toEqual([]);
  expect(await codes({ input: one(1), key }, leipzigStaff)).toEqual([]);
  expect(await codes({ input: { fulfillmentOrderId: other.fulfillmentOrders[0].id }, key }, leipzigStaff)).toEqual([
    'IDEMPOTENCY_KEY_MISMATCH',
  ]);
  // Two packers ship the last unit at once: one parcel leaves.
  const both = await Promise.all([
    codes({ input: { fulfillmentOrderId: work.id }, key: randomUUID() }, leipzigStaff),
    codes({ input: { fulfillmentOrderId: work.id }, key: randomUUID() }, await staffOf(stores.leipzig)),
  ]);
  expect(both.filter((c) => c.length === 0)).toHaveLength(1);
  expect(both.flat().every((code: string) => ['NOTHING_TO_FULFIL', 'LESS_THAN_OR_EQUAL_TO'].includes(code))).toBe(true);
  const { order: shipped } = await api(
    `query($id: ID!) { order(id: $id) { fulfillmentStatus fulfillments { id } } }`,
    { id: order.id },
    admin,
  );
  expect(shipped).toMatchObject({ fulfillmentStatus: 'FULFILLED', fulfillments: [{}, {}] });
  expect(await level('FO-GUARD', stores.leipzig)).toEqual({ onHand: before.onHand - 2, reserved: before.reserved - 2 });

  const cancelled = await api(
    `mutation($id: ID!) { orderCancel(orderId: $id, reason: "test", idempotencyKey: "guard-cancel") { userErrors { code } } }`,
    { id: other.id },
    admin,
  );
  expect(cancelled.orderCancel.userErrors).toEqual([]);
  expect(await codes({ input: { fulfillmentOrderId: other.fulfillmentOrders[0].id }, key: randomUUID() }, leipzigStaff)).toEqual([
    'ORDER_NOT_OPEN',
  ]);
  expect(await level('FO-GUARD', stores.leipzig)).toEqual({ onHand: before.onHand - 2, reserved: before.reserved - 3 });
});

it('a move that races a cancellation of some of its units holds at the new location only what is left to send', async () => {
  const order = await placeOrder([{ sku: 'FO-RACE', quantity: 2 }], shipTo(MUNICH), 'race@example.com');
  const [work] = order.fulfillmentOrders;
  expect(work.location.id).toBe(stores.leipzig);
  await api(
    `mutation { inventoryAdjust(input: { sku: "FO-RACE", locationId: "${stores.erfurt}", delta: 5, reason: RECEIVED }) { userErrors { code } } }`,
    {},
    admin,
  );
  const lineId = (await api(`query($id: ID!) { order(id: $id) { lines { id } } }`, { id: order.id }, admin)).order.lines[0].id;
  const [leipzigBefore, erfurtBefore] = [await level('FO-RACE', stores.leipzig), await level('FO-RACE', stores.erfurt)];
  const inventory = system.servers.inventory.orm.em.getConnection().getKnex();
  const waitingOnReservations = async () =>
    Number(
      (
        await inventory.raw(
          `select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%inventory%reservation%' and pid <> pg_backend_pid()`,
        )
      ).rows[0].n,
    );
  const until = async (condition: () => Promise<boolean>, what: string) => {
    for (const started = Date.now(); !(await condition()); await new Promise((resolve) => setTimeout(resolve, 20)))
      if (Date.now() - started > 5_000) throw new Error(`timed out waiting for ${what}`);
  };
  // Inventory moves the hold while the cancellation takes a unit off: the move read two open units, the cancellation
  // commits before the move writes its fulfilment orders, and its release at Leipzig finds the hold gone to Erfurt.
  // The order's hold is locked, so both queue on its row, the move first (a table lock would wake both at once).
  const blocker = await inventory.transaction();
  const held = await blocker.raw(
    `select r.id from inventory.reservation r join orders."order" o on r.reference = 'checkout:' || o.checkout_id where o.id = ? for update of r`,
    [order.id.split('/').pop()],
  );
  expect(held.rows).toHaveLength(1);
  let moved, cancelled;
  try {
    const move = api(
      `mutation($id: ID!, $to: ID!) { fulfillmentOrderMove(fulfillmentOrderId: $id, locationId: $to, idempotencyKey: "race-move") {
        movedFulfillmentOrder { location { id } lines { sku quantity } } userErrors { code } } }`,
      { id: work.id, to: stores.erfurt },
      admin,
    );
    await until(async () => (await waitingOnReservations()) >= 1, 'the move to wait for inventory');
    const cancel = api(
      `mutation($id: ID!, $lines: [OrderLineCancelInput!]!) { orderLinesCancel(orderId: $id, lines: $lines, reason: "damaged", idempotencyKey: "race-cancel") { userErrors { code } } }`,
      { id: order.id, lines: [{ orderLineId: lineId, quantity: 1 }] },
      admin,
    );
    await until(async () => (await waitingOnReservations()) >= 2, 'the cancellation to wait for inventory');
    await blocker.commit();
    [moved, cancelled] = await Promise.all([move, cancel]);
  } finally {
    if (!blocker.isCompleted()) await blocker.rollback();
  }
  expect(cancelled.orderLinesCancel.userErrors).toEqual([]);
  expect(moved.fulfillmentOrderMove).toEqual({
    movedFulfillmentOrder: { location: { id: stores.erfurt }, lines: [{ sku: 'FO-RACE', quantity: 1 }] },
    userErrors: [],
  });
  // One unit is left to send, and only it is held: at Erfurt. Nothing stays held for the cancelled one.
  expect(await level('FO-RACE', stores.erfurt)).toEqual({ onHand: erfurtBefore.onHand, reserved: erfurtBefore.reserved + 1 });
  expect(await level('FO-RACE', stores.leipzig)).toEqual({ onHand: leipzigBefore.onHand, reserved: leipzigBefore.reserved - 2 });
  // Asked again, the move answers the same and lets nothing more go.
  const replay = await api(
    `mutation($id: ID!, $to: ID!) { fulfillmentOrderMove(fulfillmentOrderId: $id, locationId: $to, idempotencyKey: "race-move") {
      movedFulfillmentOrder { location { id } lines { sku quantity } } userErrors { code } } }`,
    { id: work.id, to: stores.erfurt },
    admin,
  );
  expect(replay).toEqual(moved);
  expect(await level('FO-RACE', stores.erfurt)).toEqual({ onHand: erfurtBefore.onHand, reserved: erfurtBefore.reserved + 1 });
}, 60_000);
