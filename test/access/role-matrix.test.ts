import { Role } from '#platform/auth';
import { gql, gqlData } from '../support/graphql-client';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { ANONYMOUS, bearer, type AuthHeaders } from '../support/tokens';

/**
 * Who may do what, through the gateway as a client would call it: every operation below is
 * tried by every kind of caller, and each must be let through or refused with the right code
 * (UNAUTHENTICATED without a token, FORBIDDEN with one that lacks the role). Mutations are
 * sent with input that fails validation, so an allowed call is answered with userErrors and
 * writes nothing, whatever order the cases run in.
 */
type Caller = 'anonymous' | 'customer' | 'kiosk' | 'staff' | 'manager' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'customer', 'kiosk', 'staff', 'manager', 'admin'];
const EVERYONE = CALLERS;
const STAFF: Caller[] = ['staff', 'manager', 'admin'];
const MANAGERS: Caller[] = ['manager', 'admin'];
const SELF_OR_STAFF: Caller[] = ['customer', ...STAFF];
const SELF_OR_MANAGERS: Caller[] = ['customer', ...MANAGERS];

interface Fixture {
  berlin: string;
  hamburg: string;
  sku: string;
  ada: string;
  bob: string;
  /** An id no customer has. */
  unknown: string;
}

interface Operation {
  name: string;
  /** The root field the operation selects: allowed calls must answer it. */
  field: string;
  allowed: Caller[];
  query: (f: Fixture) => string;
}

const op = (name: string, allowed: Caller[], query: (f: Fixture) => string, field = name): Operation => ({ name, field, allowed, query });
const ERR = 'userErrors { code }';

const OPERATIONS: Operation[] = [
  // The catalog and stock: anyone, signed in or not, kiosks included.
  op('products', EVERYONE, () => `{ products(first: 1) { nodes { title } } }`),
  op(
    'productVariant',
    EVERYONE,
    (f) => `{ productVariant(sku: "${f.sku}") { sku inventory { available } storeAvailability(first: 1) { available } } }`,
  ),
  op('categories', EVERYONE, () => `{ categories(first: 1) { nodes { name } } }`),
  op('locations', EVERYONE, () => `{ locations(first: 1) { nodes { name } } }`),
  op('inventoryLevels', EVERYONE, (f) => `{ inventoryLevels(locationId: "${f.berlin}", first: 1) { nodes { sku available } } }`),
  op('activePromotions', EVERYONE, () => `{ activePromotions(channel: KIOSK) { id } }`),
  op('me', EVERYONE, () => `{ me { id } }`),
  // Signing up and in needs no token.
  op('customerCreate', EVERYONE, () => `mutation { customerCreate(input: { email: "not-an-email" }) { ${ERR} } }`),
  op(
    'customerAccessTokenCreate',
    EVERYONE,
    () => `mutation { customerAccessTokenCreate(input: { email: "nobody@example.com", password: "" }) { ${ERR} } }`,
  ),
  // Customers, and the business of the shop: staff.
  op('customer (someone else)', STAFF, (f) => `{ customer(id: "${f.bob}") { id email } }`, 'customer'),
  op('customerLookup', STAFF, () => `{ customerLookup(email: "ada.rider@example.com") { id } }`),
  op('customers', STAFF, () => `{ customers(first: 1) { nodes { id } } }`),
  op('segments', STAFF, () => `{ segments { id } }`),
  op(
    'customerIdentityLink',
    STAFF,
    (f) => `mutation { customerIdentityLink(customerId: "${f.ada}", channel: MARKETPLACE, externalId: " ") { ${ERR} } }`,
  ),
  op('customerMerge', STAFF, (f) => `mutation { customerMerge(sourceId: "${f.ada}", targetId: "${f.ada}") { ${ERR} } }`),
  op('customerErase (someone else)', MANAGERS, (f) => `mutation { customerErase(id: "${f.unknown}") { ${ERR} } }`, 'customerErase'),
  op(
    'customerDataExport (someone else)',
    MANAGERS,
    (f) => `mutation { customerDataExport(id: "${f.bob}") { ${ERR} } }`,
    'customerDataExport',
  ),
  // A customer's own records: the customer and staff (privacy requests: managers).
  op('customer (oneself)', SELF_OR_STAFF, (f) => `{ customer(id: "${f.ada}") { id email } }`, 'customer'),
  op(
    'customerUpdate (oneself)',
    SELF_OR_STAFF,
    (f) => `mutation { customerUpdate(id: "${f.ada}", input: { email: "not-an-email" }) { ${ERR} } }`,
    'customerUpdate',
  ),
  op(
    'customerAddressCreate (oneself)',
    SELF_OR_STAFF,
    (f) =>
      `mutation { customerAddressCreate(customerId: "${f.ada}", input: { address1: "1 Quay", city: "Kiel", countryCode: "Germany" }) { ${ERR} } }`,
    'customerAddressCreate',
  ),
  op(
    'customerEventTrack (oneself)',
    SELF_OR_STAFF,
    (f) => `mutation { customerEventTrack(input: { customerId: "${f.ada}", type: SIGNED_UP }) { ${ERR} } }`,
    'customerEventTrack',
  ),
  op(
    'customerDataExport (oneself)',
    SELF_OR_MANAGERS,
    (f) => `mutation { customerDataExport(id: "${f.ada}") { ${ERR} } }`,
    'customerDataExport',
  ),
  op('stockMovements', STAFF, () => `{ stockMovements(first: 1) { nodes { reason } } }`),
  op('inventoryTransfers', STAFF, () => `{ inventoryTransfers(first: 1) { nodes { id } } }`),
  op('purchaseOrders', STAFF, () => `{ purchaseOrders(first: 1) { nodes { id } } }`),
  op('replenishmentSuggestions', STAFF, (f) => `{ replenishmentSuggestions(locationId: "${f.berlin}") { sku } }`),
  op('loyaltyProgram', STAFF, () => `{ loyaltyProgram { pointsPerCurrencyUnit } }`),
  op(
    'inventoryAdjust (own store)',
    STAFF,
    (f) => `mutation { inventoryAdjust(input: { sku: "${f.sku}", locationId: "${f.berlin}", delta: 0, reason: CORRECTION }) { ${ERR} } }`,
    'inventoryAdjust',
  ),
  op(
    'inventoryAdjust (another store)',
    MANAGERS,
    (f) => `mutation { inventoryAdjust(input: { sku: "${f.sku}", locationId: "${f.hamburg}", delta: 0, reason: CORRECTION }) { ${ERR} } }`,
    'inventoryAdjust',
  ),
  op(
    'lowStockThresholdSet',
    STAFF,
    (f) => `mutation { lowStockThresholdSet(input: { sku: "${f.sku}", locationId: "${f.berlin}", threshold: -1 }) { ${ERR} } }`,
  ),
  op(
    'inventoryTransferCreate',
    STAFF,
    (f) =>
      `mutation { inventoryTransferCreate(input: { fromLocationId: "${f.berlin}", toLocationId: "${f.berlin}", lines: [] }) { ${ERR} } }`,
  ),
  op('giftCardCreate', STAFF, () => `mutation { giftCardCreate(input: { initialValue: { amount: "0" } }) { ${ERR} } }`),
  op(
    'storeCreditIssue',
    STAFF,
    (f) => `mutation { storeCreditIssue(input: { customerId: "${f.ada}", amount: { amount: "0" }, reason: "matrix" }) { ${ERR} } }`,
  ),
  op(
    'loyaltyPointsAdjust',
    STAFF,
    (f) => `mutation { loyaltyPointsAdjust(input: { customerId: "${f.ada}", points: 0, reason: "matrix" }) { ${ERR} } }`,
  ),
  // Managing the catalog, purchasing, locations and promotions: managers and admins.
  op(
    'productCreate',
    MANAGERS,
    () => `mutation { productCreate(input: { title: " ", variants: [{ sku: "MATRIX-1", price: { amount: "1" } }] }) { ${ERR} } }`,
  ),
  op('categoryCreate', MANAGERS, () => `mutation { categoryCreate(input: { name: " " }) { ${ERR} } }`),
  op(
    'locationCreate',
    MANAGERS,
    () =>
      `mutation { locationCreate(input: { name: " ", type: STORE, address: { address1: "1 Quay", city: "Kiel", countryCode: "DE" } }) { ${ERR} } }`,
  ),
  op(
    'purchaseOrderCreate',
    MANAGERS,
    (f) => `mutation { purchaseOrderCreate(input: { supplier: " ", locationId: "${f.berlin}", lines: [] }) { ${ERR} } }`,
  ),
  op(
    'replenishmentPurchaseOrdersCreate',
    MANAGERS,
    () => `mutation { replenishmentPurchaseOrdersCreate(locationId: "unknown") { ${ERR} } }`,
  ),
  op('discounts', MANAGERS, () => `{ discounts(first: 1) { nodes { id } } }`),
  op('discountCreate', MANAGERS, () => `mutation { discountCreate(input: { title: " ", kind: PERCENTAGE, value: "500" }) { ${ERR} } }`),
  op('loyaltyProgramUpdate', MANAGERS, () => `mutation { loyaltyProgramUpdate(input: { pointsPerCurrencyUnit: 0 }) { ${ERR} } }`),
  op('segmentCreate', MANAGERS, () => `mutation { segmentCreate(input: { name: "Matrix", rules: {} }) { ${ERR} } }`),
  // Carts: anyone may start, read (by its unguessable id) and recover one; abandoned carts are staff's.
  op(
    'cartCreate',
    EVERYONE,
    () => `mutation { cartCreate(input: { channel: WEB, lines: [{ sku: "MATRIX-1", quantity: 0 }] }) { ${ERR} } }`,
  ),
  op('cart', EVERYONE, () => `{ cart(id: "not-a-cart") { id } }`),
  op('cartRecover', EVERYONE, () => `mutation { cartRecover(token: "not-a-token") { ${ERR} } }`),
  op('abandonedCarts', STAFF, () => `{ abandonedCarts(first: 1) { nodes { id } } }`),
  op('cartRecoverySend', STAFF, () => `mutation { cartRecoverySend(cartId: "not-a-cart") { ${ERR} } }`),
  // Cancelling: a customer their own order, staff any; single lines are staff's.
  op(
    'orderCancel',
    SELF_OR_STAFF,
    () => `mutation { orderCancel(orderId: "not-an-order", reason: " ", idempotencyKey: "matrix") { ${ERR} } }`,
  ),
  op(
    'orderLinesCancel',
    STAFF,
    () => `mutation { orderLinesCancel(orderId: "not-an-order", lines: [], reason: " ", idempotencyKey: "matrix") { ${ERR} } }`,
  ),
  op('taxRates', STAFF, () => `{ taxRates { id } }`),
  op('shippingZones', STAFF, () => `{ shippingZones { id } }`),
  op(
    'taxRateSet',
    MANAGERS,
    () => `mutation { taxRateSet(input: { countryCode: "DE", taxClass: ZERO, ratePercent: "500", name: "x" }) { ${ERR} } }`,
  ),
  op('shippingZoneCreate', MANAGERS, () => `mutation { shippingZoneCreate(input: { name: " ", countries: [], rates: [] }) { ${ERR} } }`),
  // People and devices (only an admin creates an admin: tested in the customers subgraph).
  op('staffCreate', MANAGERS, () => `mutation { staffCreate(input: { name: " ", email: "x", password: "", role: STAFF }) { ${ERR} } }`),
  op('kioskTokenCreate', MANAGERS, () => `mutation { kioskTokenCreate(locationId: "not-a-location") { ${ERR} } }`),
];

let system: SupergraphHarness;
let fixture: Fixture;
const headers = {} as Record<Caller, AuthHeaders>;

beforeAll(async () => {
  system = await startSupergraph();
  const url = system.gateway.url;
  const admin = await bearer(Role.ADMIN);
  const { locations } = await gqlData(url, `{ locations(first: 10) { nodes { id name } } }`);
  const byName = (name: string) => locations.nodes.find((l: { name: string }) => l.name.includes(name)).id;
  const { products } = await gqlData(url, `{ products(first: 1) { nodes { variants(first: 1) { nodes { sku } } } } }`);
  const ada = (await gqlData(url, `{ customerLookup(email: "ada.rider@example.com") { id } }`, {}, admin)).customerLookup.id;
  // Only staff get the new customer back from a sign-up.
  const bob = (await gqlData(url, `mutation { customerCreate(input: { email: "bob@example.com" }) { customer { id } } }`, {}, admin))
    .customerCreate.customer.id;
  fixture = {
    berlin: byName('Berlin'),
    hamburg: byName('Hamburg'),
    sku: products.nodes[0].variants.nodes[0].sku,
    ada,
    bob,
    unknown: '00000000-0000-4000-8000-000000000000',
  };
  Object.assign(headers, {
    anonymous: ANONYMOUS,
    customer: await bearer(Role.CUSTOMER, { subject: ada }),
    kiosk: await bearer(Role.KIOSK, { locationId: fixture.berlin }),
    staff: await bearer(Role.STAFF, { locationId: fixture.berlin }),
    manager: await bearer(Role.MANAGER),
    admin,
  });
});
afterAll(() => system?.close());

const AUTH_CODES = ['UNAUTHENTICATED', 'FORBIDDEN'];

describe.each(OPERATIONS)('$name', (operation) => {
  it.each(CALLERS)('by %s', async (caller) => {
    const result = await gql(system.gateway.url, operation.query(fixture), {}, headers[caller]);
    const codes = (result.errors ?? []).map((e) => e.extensions?.code);
    if (operation.allowed.includes(caller)) {
      expect(codes.filter((code) => AUTH_CODES.includes(code as string))).toEqual([]);
      expect(result.data?.[operation.field]).toBeDefined();
    } else {
      expect(codes).toContain(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(result.data?.[operation.field] ?? null).toBeNull();
    }
  });
});

it('keeps internal commands out of the public API: unknown through the gateway, FORBIDDEN to any caller but a service', async () => {
  const reserve = `mutation { inventoryReserve(input: { key: "matrix", channel: WEB, lines: [{ sku: "X", quantity: 1 }] }) { userErrors { code } } }`;
  const viaGateway = await gql(system.gateway.url, reserve, {}, headers.admin);
  expect(viaGateway.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const direct = await gql(system.urls.inventory, reserve, {}, { ...headers.admin, 'x-gateway-secret': system.gatewaySecret });
  expect(direct.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

it('lets a customer read their own balances through federation', async () => {
  const result = await gql(
    system.gateway.url,
    `{ me { id loyalty { points } storeCredit { amount } giftCards { lastCharacters } } }`,
    {},
    headers.customer,
  );
  expect(result.errors).toBeUndefined();
  // The demo business gives the demo customer points, store credit and a gift card.
  expect(result.data?.me).toEqual({
    id: fixture.ada,
    loyalty: { points: 1249 },
    storeCredit: { amount: '20.00' },
    giftCards: [{ lastCharacters: expect.any(String) }],
  });
});
