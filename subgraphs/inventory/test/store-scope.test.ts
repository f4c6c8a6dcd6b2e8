import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { startInventory, type InventoryHarness } from '../../../test/support/inventory';
import { addStock, createLocation, levelOf, SKUS, writeCounts } from '../../../test/support/inventory-fixtures';
import { ANONYMOUS, bearer, type AuthHeaders } from '../../../test/support/tokens';
import { ADJUST_STOCK } from '../../../test/support/documents';

/**
 * Store staff run their own store's stock (adjust, count, thresholds, ship what leaves it,
 * receive what arrives); purchasing, closing transfers short and locations belong to managers.
 * Every refusal is a coded error and writes nothing.
 */
let harness: InventoryHarness;
let berlin: string;
let hamburg: string;
let berlinStaff: AuthHeaders;
let manager: AuthHeaders;
const [sku, other] = SKUS.slice(0, 2);

beforeAll(async () => {
  harness = await startInventory();
  berlin = await createLocation(harness, 'Berlin');
  hamburg = await createLocation(harness, 'Hamburg');
  await addStock(harness, sku, berlin, 20);
  await addStock(harness, sku, hamburg, 20);
  berlinStaff = await bearer(Role.STAFF, { locationId: berlin });
  manager = await bearer(Role.MANAGER);
});
afterAll(() => harness.close());

const ADJUST = ADJUST_STOCK;
const adjust = (locationId: string, headers: AuthHeaders) =>
  gql(harness.url, ADJUST, { input: { sku, locationId, delta: 1, reason: 'RECEIVED' } }, headers);

/** Runs an operation expected to be refused with `code`; nothing may have been written. */
async function expectRefused(code: string, run: () => Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>) {
  const before = await writeCounts(harness);
  const result = await run();
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  expect(await writeCounts(harness)).toEqual(before);
}

it('lets store staff change stock at their own store only', async () => {
  expect((await adjust(berlin, berlinStaff)).data?.inventoryAdjust.inventoryLevel?.onHand).toBe(21);
  await expectRefused('FORBIDDEN', () => adjust(hamburg, berlinStaff));
  expect(await levelOf(harness, sku, hamburg)).toMatchObject({ onHand: 20 });
  const count = `mutation($loc: ID!) { inventoryCount(input: { locationId: $loc, counts: [{ sku: "${sku}", counted: 3 }] }) { userErrors { code } } }`;
  await expectRefused('FORBIDDEN', () => gql(harness.url, count, { loc: hamburg }, berlinStaff));
  const threshold = `mutation($loc: ID!) { lowStockThresholdSet(input: { sku: "${sku}", locationId: $loc, threshold: 4 }) { userErrors { code } } }`;
  await expectRefused('FORBIDDEN', () => gql(harness.url, threshold, { loc: hamburg }, berlinStaff));
  expect((await gql(harness.url, threshold, { loc: berlin }, berlinStaff)).data?.lowStockThresholdSet.userErrors).toEqual([]);
});

it.each([
  ['an anonymous caller', 'UNAUTHENTICATED', async () => ANONYMOUS],
  ['a customer', 'FORBIDDEN', () => bearer(Role.CUSTOMER)],
  ['a kiosk, even at its own store', 'FORBIDDEN', async () => bearer(Role.KIOSK, { locationId: berlin })],
  ['staff without a store', 'FORBIDDEN', () => bearer(Role.STAFF)],
])('refuses stock changes to %s', async (_who, code, headers) => {
  await expectRefused(code, async () => adjust(berlin, await headers()));
});

it('lets staff ship from their store and receive at it, but not the other way round', async () => {
  const create = `mutation($from: ID!, $to: ID!) { inventoryTransferCreate(input: { fromLocationId: $from, toLocationId: $to, lines: [{ sku: "${sku}", quantity: 2 }] }) { inventoryTransfer { id } userErrors { code } } }`;
  const outbound = (await gqlData(harness.url, create, { from: berlin, to: hamburg }, berlinStaff)).inventoryTransferCreate
    .inventoryTransfer.id;
  const inbound = (await gqlData(harness.url, create, { from: hamburg, to: berlin }, berlinStaff)).inventoryTransferCreate.inventoryTransfer
    .id;
  const ship = `mutation($id: ID!) { inventoryTransferShip(id: $id) { inventoryTransfer { status } userErrors { code } } }`;
  const receive = `mutation($id: ID!) { inventoryTransferReceive(id: $id, lines: [{ sku: "${sku}", quantity: 2 }]) { inventoryTransfer { status } userErrors { code } } }`;
  await expectRefused('FORBIDDEN', () => gql(harness.url, ship, { id: inbound }, berlinStaff));
  expect((await gqlData(harness.url, ship, { id: outbound }, berlinStaff)).inventoryTransferShip.inventoryTransfer.status).toBe(
    'IN_TRANSIT',
  );
  await expectRefused('FORBIDDEN', () => gql(harness.url, receive, { id: outbound }, berlinStaff));
  expect((await gqlData(harness.url, ship, { id: inbound }, manager)).inventoryTransferShip.inventoryTransfer.status).toBe('IN_TRANSIT');
  expect((await gqlData(harness.url, receive, { id: inbound }, berlinStaff)).inventoryTransferReceive.inventoryTransfer.status).toBe(
    'RECEIVED',
  );
  const close = `mutation($id: ID!) { inventoryTransferClose(id: $id) { inventoryTransfer { status } userErrors { code } } }`;
  await expectRefused('FORBIDDEN', () => gql(harness.url, close, { id: outbound }, berlinStaff));
  expect((await gqlData(harness.url, close, { id: outbound }, manager)).inventoryTransferClose.inventoryTransfer.status).toBe('CLOSED');
  // A transfer between two other stores is none of Berlin's business.
  await expectRefused('FORBIDDEN', () => gql(harness.url, create, { from: hamburg, to: hamburg }, berlinStaff));
});

it('leaves purchasing to managers and lets staff receive deliveries at their store', async () => {
  const create = `mutation($loc: ID!) { purchaseOrderCreate(input: { locationId: $loc, supplier: "Shimano", lines: [{ sku: "${other}", quantity: 5 }] }) { purchaseOrder { id } userErrors { code message } } }`;
  await expectRefused('FORBIDDEN', () => gql(harness.url, create, { loc: berlin }, berlinStaff));
  const order = (await gqlData(harness.url, create, { loc: berlin }, manager)).purchaseOrderCreate;
  expect(order.userErrors).toEqual([]);
  const submit = `mutation($id: ID!) { purchaseOrderSubmit(id: $id) { userErrors { code } } }`;
  await expectRefused('FORBIDDEN', () => gql(harness.url, submit, { id: order.purchaseOrder.id }, berlinStaff));
  await gqlData(harness.url, submit, { id: order.purchaseOrder.id }, manager);
  const receive = `mutation($id: ID!) { purchaseOrderReceive(id: $id, lines: [{ sku: "${other}", quantity: 5 }]) { purchaseOrder { status } userErrors { code } } }`;
  const hamburgStaff = await bearer(Role.STAFF, { locationId: hamburg });
  await expectRefused('FORBIDDEN', () => gql(harness.url, receive, { id: order.purchaseOrder.id }, hamburgStaff));
  expect((await gqlData(harness.url, receive, { id: order.purchaseOrder.id }, berlinStaff)).purchaseOrderReceive.purchaseOrder.status).toBe(
    'RECEIVED',
  );
});

it('shows stock to anyone, and the ledger to staff only', async () => {
  const levels = await gql(
    harness.url,
    `query($loc: ID) { inventoryLevels(locationId: $loc, first: 5) { nodes { sku available } } }`,
    { loc: berlin },
    ANONYMOUS,
  );
  expect(levels.data?.inventoryLevels.nodes.length).toBeGreaterThan(0);
  const ledger = `{ stockMovements(first: 1) { nodes { reason } } }`;
  expect((await gql(harness.url, ledger, {}, ANONYMOUS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect((await gql(harness.url, ledger, {}, await bearer(Role.KIOSK, { locationId: berlin }))).errors?.[0].extensions?.code).toBe(
    'FORBIDDEN',
  );
  expect((await gqlData(harness.url, ledger, {}, berlinStaff)).stockMovements.nodes).toHaveLength(1);
});
