import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { LIVE_SCHEMAS } from '../../gateway/src/live/event-bus-factory';
import { createStockedProduct, locationsByName, PAYLOAD } from '../support/carts';
import { gqlData } from '../support/graphql-client';
import { subscribeLive } from '../support/live';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { ANONYMOUS, bearer, type AuthHeaders } from '../support/tokens';

/**
 * A store's live pick list through the real gateway and a real graphql-ws client: its open work
 * first, then each new or changed fulfilment order as it commits, for its own staff only, and
 * after a dropped connection what changed meanwhile.
 */
let system: SupergraphHarness;
/** How long an expected item may take: far above the second it needs, so a busy machine does not fail the test. */
const WAIT_MS = 20_000;
let stores: { berlin: string; hamburg: string };

beforeAll(async () => {
  // A generous hydration bound: two cores run the whole system here, and a timed-out hydration is not what is tested.
  system = await startSupergraph({ live: { schemas: LIVE_SCHEMAS, hydrationTimeoutMs: 10_000 } });
  const admin = await bearer(Role.ADMIN);
  const byName = await locationsByName(system);
  stores = { berlin: byName['Velocity Cycles Berlin Mitte'].id, hamburg: byName['Velocity Cycles Hamburg Altona'].id };
  await createStockedProduct(system, admin, { sku: 'PL-BER', price: '30.00', stock: { [stores.berlin]: 10 } });
  await createStockedProduct(system, admin, { sku: 'PL-HAM', price: '30.00', stock: { [stores.hamburg]: 10 } });
}, 120_000);
afterAll(() => system?.close());

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: AuthHeaders) =>
  gqlData<T>(system.gateway.url, query, variables, headers);

/** A storefront order of one unit, through the gateway: a cart, its delivery, then checkout with a test card. */
async function placeOrder(sku: string, delivery: { handle: string } | 'SHIP'): Promise<{ id: string; number: string }> {
  const created = await api(
    `mutation($input: CartCreateInput!) { cartCreate(input: $input) { ${PAYLOAD} } }`,
    { input: { channel: 'WEB', lines: [{ sku, quantity: 1 }], buyerIdentity: { countryCode: 'DE' } } },
    ANONYMOUS,
  );
  const cart = created.cartCreate.cart;
  const handle = delivery === 'SHIP' ? cart.deliveryOptions.find((o: { method: string }) => o.method === 'SHIP').handle : delivery.handle;
  const address =
    delivery === 'SHIP'
      ? {
          address1: 'Teststraße 1',
          city: 'Hamburg',
          postalCode: '20095',
          countryCode: 'DE',
          coordinates: { latitude: 53.55, longitude: 9.99 },
        }
      : null;
  const chosen = await api(
    `mutation($id: ID!, $delivery: CartDeliveryInput!) { cartDeliveryUpdate(cartId: $id, delivery: $delivery) { ${PAYLOAD} } }`,
    { id: cart.id, delivery: { handle, address } },
    ANONYMOUS,
  );
  expect(chosen.cartDeliveryUpdate.userErrors).toEqual([]);
  const done = await api(
    `mutation($cartId: ID!, $input: CheckoutCompleteInput!, $key: String!) {
      checkoutComplete(cartId: $cartId, input: $input, idempotencyKey: $key) { order { id number } userErrors { code } } }`,
    {
      cartId: cart.id,
      input: {
        email: 'picker@example.com',
        payments: [
          { method: 'TEST_CARD', amount: { amount: chosen.cartDeliveryUpdate.cart.cost.total.amount }, cardNumber: '4242424242424242' },
        ],
      },
      key: randomUUID(),
    },
    ANONYMOUS,
  );
  expect(done.checkoutComplete.userErrors).toEqual([]);
  return done.checkoutComplete.order;
}

const PICK_LIST = `subscription($at: ID!, $since: DateTime) {
  fulfillmentOrdersChanged(locationId: $at, since: $since) {
    kind fulfillmentOrderId orderNumber method status version occurredAt
    fulfillmentOrder { id orderNumber status method version location { id } destination { id } lines { sku quantity remainingQuantity } }
  } }`;

interface Item {
  kind: string;
  fulfillmentOrderId: string;
  orderNumber: string;
  method: string;
  status: string;
  version: number;
  occurredAt: string;
  fulfillmentOrder: { id: string; status: string; version: number; location: { id: string }; lines: { sku: string }[] } | null;
}

it('refuses anyone but the store’s own staff and managers, before reading anything', async () => {
  for (const [who, headers, code] of [
    ['Hamburg staff', await bearer(Role.STAFF, { locationId: stores.hamburg }), 'FORBIDDEN'],
    ['a customer', await bearer(Role.CUSTOMER), 'FORBIDDEN'],
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
  ] as const) {
    const sub = subscribeLive<Item>(system.gateway.wsUrl, PICK_LIST, { at: stores.berlin }, headers ?? undefined);
    try {
      await sub.waitFor(() => sub.errors.length > 0, WAIT_MS);
      expect({ who, code: (sub.errors[0] as { extensions?: { code?: string } }).extensions?.code }).toEqual({ who, code });
      expect(sub.items).toEqual([]);
    } finally {
      await sub.dispose();
    }
  }
  // A manager may follow any store.
  const manager = subscribeLive<Item>(system.gateway.wsUrl, PICK_LIST, { at: stores.hamburg }, await bearer(Role.MANAGER));
  try {
    const placed = await placeOrder('PL-HAM', { handle: `PICKUP:${stores.hamburg}` });
    await manager.waitFor((items) => items.some((i) => i.orderNumber === placed.number), WAIT_MS);
    expect(manager.errors).toEqual([]);
  } finally {
    await manager.dispose();
  }
});

it("a store's pick list subscription sees a new order within a second of placement, its open work first, and catches up after a disconnect", async () => {
  const berlinStaff = await bearer(Role.STAFF, { locationId: stores.berlin });
  const before = await placeOrder('PL-BER', { handle: `PICKUP:${stores.berlin}` });

  const sub = subscribeLive<Item>(system.gateway.wsUrl, PICK_LIST, { at: stores.berlin }, berlinStaff);
  let lastSeen: string;
  let placed: { id: string; number: string };
  try {
    // The order placed before subscribing is open work: a SNAPSHOT, with the fulfilment order from the supergraph.
    const [snapshot] = (await sub.waitFor((items) => items.some((i) => i.orderNumber === before.number), WAIT_MS)).filter(
      (i) => i.orderNumber === before.number,
    );
    expect(snapshot).toMatchObject({
      kind: 'SNAPSHOT',
      method: 'PICKUP',
      status: 'OPEN',
      fulfillmentOrder: { id: snapshot.fulfillmentOrderId, status: 'OPEN', location: { id: stores.berlin }, lines: [{ sku: 'PL-BER' }] },
    });
    expect(snapshot.fulfillmentOrderId).toMatch(/^gid:\/\/commerce\/FulfillmentOrder\//);

    // A new pickup order at Berlin arrives as it commits; one shipped from Hamburg does not.
    placed = await placeOrder('PL-BER', { handle: `PICKUP:${stores.berlin}` });
    const elsewhere = await placeOrder('PL-HAM', 'SHIP');
    const after = await placeOrder('PL-BER', { handle: `PICKUP:${stores.berlin}` });
    const items = await sub.waitFor((received) => received.some((i) => i.orderNumber === after.number), WAIT_MS);
    const change = items.find((i) => i.orderNumber === placed.number);
    expect(change).toMatchObject({
      kind: 'CHANGED',
      method: 'PICKUP',
      status: 'OPEN',
      version: 1,
      fulfillmentOrder: { status: 'OPEN', version: 1, location: { id: stores.berlin }, lines: [{ sku: 'PL-BER' }] },
    });
    // Events of one outbox arrive in commit order: Hamburg's order committed before `after`, and never came.
    expect(items.map((i) => i.orderNumber)).not.toContain(elsewhere.number);
    expect(sub.errors).toEqual([]);
    lastSeen = items
      .map((i) => i.occurredAt)
      .sort()
      .at(-1) as string;
  } finally {
    await sub.dispose();
  }

  // Away: the order is marked ready meanwhile. Resuming with `since` brings that change, not a snapshot.
  const ready = await api(
    `mutation($id: ID!) { orderReadyForPickup(orderId: $id) { userErrors { code } } }`,
    { id: placed.id },
    berlinStaff,
  );
  expect(ready.orderReadyForPickup.userErrors).toEqual([]);
  const resumed = subscribeLive<Item>(system.gateway.wsUrl, PICK_LIST, { at: stores.berlin, since: lastSeen }, berlinStaff);
  try {
    const items = await resumed.waitFor((received) => received.some((i) => i.orderNumber === placed.number), WAIT_MS);
    expect(items.find((i) => i.orderNumber === placed.number)).toMatchObject({
      kind: 'CHANGED',
      status: 'READY_FOR_PICKUP',
      version: 2,
      fulfillmentOrder: { status: 'READY_FOR_PICKUP', version: 2 },
    });
    expect(items.every((i) => i.kind === 'CHANGED')).toBe(true);
  } finally {
    await resumed.dispose();
  }
});
