import { gqlData } from '../../../test/support/graphql-client';
import { startInventory, type InventoryHarness } from '../../../test/support/inventory';
import { addStock, createLocation, levelOf, setThreshold, SKUS, writeCounts } from '../../../test/support/inventory-fixtures';

let harness: InventoryHarness;
beforeAll(async () => {
  harness = await startInventory();
});
afterAll(() => harness.close());

let nextSku = 0;
/** Fresh SKUs in sorted order, so suggestions (ordered by SKU) can be compared as lists. */
const freshSkus = (n: number) => SKUS.slice(nextSku, (nextSku += n)).sort();

const ERRORS = 'userErrors { field message code }';
const SUGGESTIONS = `query($locationId: ID) { replenishmentSuggestions(locationId: $locationId) {
  location { id } sku available incoming threshold suggestedQuantity caseSize supplier quantityOnDraftOrders } }`;
const REPLENISH = `mutation($locationId: ID!) { replenishmentPurchaseOrdersCreate(locationId: $locationId) {
  purchaseOrders { id number supplier status location { id } lines { sku quantityOrdered quantityReceived } } ${ERRORS} } }`;
const ITEM_UPDATE = `mutation($input: InventoryItemUpdateInput!) { inventoryItemUpdate(input: $input) { inventoryItem { sku supplier caseSize } ${ERRORS} } }`;

const suggestions = async (locationId?: string) => (await gqlData(harness.url, SUGGESTIONS, { locationId })).replenishmentSuggestions;
const replenish = async (locationId: string) => (await gqlData(harness.url, REPLENISH, { locationId })).replenishmentPurchaseOrdersCreate;
const updateItem = async (input: Record<string, unknown>) => (await gqlData(harness.url, ITEM_UPDATE, { input })).inventoryItemUpdate;

async function setItem(sku: string, supplier: string | null, caseSize: number): Promise<void> {
  expect((await updateItem({ sku, supplier, caseSize })).userErrors).toEqual([]);
}

/** Makes `quantity` of a SKU incoming at a location through a submitted purchase order. */
async function makeIncoming(sku: string, locationId: string, quantity: number): Promise<void> {
  const { purchaseOrderCreate } = await gqlData(
    harness.url,
    `mutation($input: PurchaseOrderCreateInput!) { purchaseOrderCreate(input: $input) { purchaseOrder { id } ${ERRORS} } }`,
    { input: { supplier: 'Earlier order', locationId, lines: [{ sku, quantity }] } },
  );
  const { purchaseOrderSubmit } = await gqlData(harness.url, `mutation($id: ID!) { purchaseOrderSubmit(id: $id) { ${ERRORS} } }`, {
    id: purchaseOrderCreate.purchaseOrder.id,
  });
  expect(purchaseOrderSubmit.userErrors).toEqual([]);
}

/**
 * A location with low and healthy levels:
 *   low      2 on hand, threshold 5, cases of 6, Coglane         → 8 short → 12
 *   atLimit  6 on hand, 3 reserved, threshold 3, no facts         → 3 short → 3
 *   covered  1 on hand + 3 incoming, threshold 4, Stopwell        → 4 short → 4
 *   empty    0 on hand, threshold 0, cases of 10, Stopwell        → 0 short → one case
 *   healthy  10 on hand, threshold 5; inbound 1 + 5 incoming, threshold 4; untracked 0, no threshold
 */
async function stockedLocation(name: string) {
  const locationId = await createLocation(harness, name);
  const [low, atLimit, covered, empty, healthy, inbound, untracked] = freshSkus(7);
  await addStock(harness, low, locationId, 2);
  await setThreshold(harness, low, locationId, 5);
  await setItem(low, 'Coglane', 6);
  await addStock(harness, atLimit, locationId, 6, { reserved: 3 });
  await setThreshold(harness, atLimit, locationId, 3);
  await addStock(harness, covered, locationId, 1);
  await makeIncoming(covered, locationId, 3);
  await setThreshold(harness, covered, locationId, 4);
  await setItem(covered, 'Stopwell', 1);
  await setThreshold(harness, empty, locationId, 0);
  await setItem(empty, 'Stopwell', 10);
  await addStock(harness, healthy, locationId, 10);
  await setThreshold(harness, healthy, locationId, 5);
  await addStock(harness, inbound, locationId, 1);
  await makeIncoming(inbound, locationId, 5);
  await setThreshold(harness, inbound, locationId, 4);
  await addStock(harness, untracked, locationId, 0);
  return { locationId, low, atLimit, covered, empty };
}

describe('replenishmentSuggestions', () => {
  it('suggests what is at or below its threshold counting incoming, up to twice the threshold in whole cases', async () => {
    const { locationId, low, atLimit, covered, empty } = await stockedLocation('Replenish Alpha');
    const location = { id: locationId };
    const expected = [
      {
        location,
        sku: low,
        available: 2,
        incoming: 0,
        threshold: 5,
        suggestedQuantity: 12,
        caseSize: 6,
        supplier: 'Coglane',
        quantityOnDraftOrders: 0,
      },
      {
        location,
        sku: atLimit,
        available: 3,
        incoming: 0,
        threshold: 3,
        suggestedQuantity: 3,
        caseSize: 1,
        supplier: null,
        quantityOnDraftOrders: 0,
      },
      {
        location,
        sku: covered,
        available: 1,
        incoming: 3,
        threshold: 4,
        suggestedQuantity: 4,
        caseSize: 1,
        supplier: 'Stopwell',
        quantityOnDraftOrders: 0,
      },
      {
        location,
        sku: empty,
        available: 0,
        incoming: 0,
        threshold: 0,
        suggestedQuantity: 10,
        caseSize: 10,
        supplier: 'Stopwell',
        quantityOnDraftOrders: 0,
      },
    ].sort((x, y) => (x.sku < y.sku ? -1 : 1));
    expect(await suggestions(locationId)).toEqual(expected);

    // Another location's low level shows only when no location is asked for.
    const other = await createLocation(harness, 'Replenish Beta');
    await setThreshold(harness, low, other, 2);
    expect(await suggestions(locationId)).toEqual(expected);
    const everywhere = await suggestions();
    expect(everywhere).toEqual(
      expect.arrayContaining([...expected, expect.objectContaining({ location: { id: other }, sku: low, suggestedQuantity: 6 })]),
    );

    expect(await suggestions('00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(await suggestions('not-a-location')).toEqual([]);
  });
});

describe('replenishmentPurchaseOrdersCreate', () => {
  it('drafts one purchase order per supplier, Unassigned for the rest, and does not order twice', async () => {
    const { locationId, low, atLimit, covered, empty } = await stockedLocation('Replenish Gamma');
    const before = await levelOf(harness, low, locationId);
    const created = await replenish(locationId);
    expect(created.userErrors).toEqual([]);
    const orders = created.purchaseOrders;
    expect(orders.map((o: { supplier: string }) => o.supplier)).toEqual(['Coglane', 'Stopwell', 'Unassigned']);
    for (const order of orders) {
      expect(order).toMatchObject({ status: 'DRAFT', location: { id: locationId } });
      expect(order.number).toMatch(/^PO-[2-9A-HJ-NP-Z]{6}$/);
    }
    expect(orders[0].lines).toEqual([{ sku: low, quantityOrdered: 12, quantityReceived: 0 }]);
    expect(orders[1].lines).toEqual(
      [covered, empty].sort().map((sku) => ({ sku, quantityOrdered: sku === covered ? 4 : 10, quantityReceived: 0 })),
    );
    expect(orders[2].lines).toEqual([{ sku: atLimit, quantityOrdered: 3, quantityReceived: 0 }]);
    // Drafts move no stock, but the suggestions now show them, and a second run orders nothing.
    expect(await levelOf(harness, low, locationId)).toEqual(before);
    const shown = await suggestions(locationId);
    expect(shown.map((s: { sku: string; quantityOnDraftOrders: number }) => [s.sku, s.quantityOnDraftOrders])).toEqual(
      [
        [low, 12],
        [atLimit, 3],
        [covered, 4],
        [empty, 10],
      ].sort((x, y) => (x[0] < y[0] ? -1 : 1)),
    );
    const counts = await writeCounts(harness);
    expect(await replenish(locationId)).toEqual({ purchaseOrders: [], userErrors: [] });
    expect(await writeCounts(harness)).toEqual(counts);

    // Submitted, the orders are incoming and the location is no longer low.
    for (const order of orders) {
      const { purchaseOrderSubmit } = await gqlData(harness.url, `mutation($id: ID!) { purchaseOrderSubmit(id: $id) { ${ERRORS} } }`, {
        id: order.id,
      });
      expect(purchaseOrderSubmit.userErrors).toEqual([]);
    }
    expect(await levelOf(harness, low, locationId)).toEqual({ ...before, incoming: 12 });
    expect(await suggestions(locationId)).toEqual([]);
  });

  it('refuses an unknown location and writes nothing', async () => {
    const counts = await writeCounts(harness);
    const result = await replenish('00000000-0000-4000-8000-000000000000');
    expect(result).toEqual({ purchaseOrders: null, userErrors: [expect.objectContaining({ field: ['locationId'], code: 'NOT_FOUND' })] });
    expect(await writeCounts(harness)).toEqual(counts);
  });

  it('orders once when runs for the same location race', async () => {
    const locationId = await createLocation(harness, 'Replenish Delta');
    const [x, y] = freshSkus(2);
    await setThreshold(harness, x, locationId, 2);
    await setThreshold(harness, y, locationId, 2);
    await setItem(x, 'Halcyra', 1);
    const results = await Promise.all([1, 2, 3].map(() => replenish(locationId)));
    expect(results.map((r) => r.userErrors)).toEqual([[], [], []]);
    const orders = results.flatMap((r) => r.purchaseOrders);
    expect(orders.map((o: { supplier: string }) => o.supplier).sort()).toEqual(['Halcyra', 'Unassigned']);
  });
});

describe('inventoryItemUpdate', () => {
  it('creates purchasing facts, changes only the given fields, and clears the supplier with null', async () => {
    const [sku, never] = freshSkus(2);
    const ITEM = `query($sku: String!) { inventoryItem(sku: $sku) { sku supplier caseSize } }`;
    expect((await gqlData(harness.url, ITEM, { sku })).inventoryItem).toBeNull();
    expect(await updateItem({ sku, supplier: ' Treadmark ', caseSize: 12 })).toEqual({
      inventoryItem: { sku, supplier: 'Treadmark', caseSize: 12 },
      userErrors: [],
    });
    expect((await updateItem({ sku, caseSize: 24 })).inventoryItem).toEqual({ sku, supplier: 'Treadmark', caseSize: 24 });
    expect((await updateItem({ sku, supplier: null })).inventoryItem).toEqual({ sku, supplier: null, caseSize: 24 });
    expect((await gqlData(harness.url, ITEM, { sku })).inventoryItem).toEqual({ sku, supplier: null, caseSize: 24 });
    expect((await updateItem({ sku: never })).inventoryItem).toEqual({ sku: never, supplier: null, caseSize: 1 });
  });

  it.each([
    ['a zero case size', { caseSize: 0 }, ['input', 'caseSize'], 'GREATER_THAN_OR_EQUAL_TO'],
    ['a blank supplier', { supplier: '  ' }, ['input', 'supplier'], 'BLANK'],
    ['an unknown SKU', { sku: 'NOT-A-SKU' }, ['input', 'sku'], 'UNKNOWN_SKU'],
  ])('rejects %s and writes nothing', async (_label, change, field, code) => {
    const sku = SKUS[SKUS.length - 1];
    await setItem(sku, 'Sprocket & Co', 4);
    const counts = await writeCounts(harness);
    const result = await updateItem({ sku, supplier: 'Other', caseSize: 8, ...change });
    expect(result.inventoryItem).toBeNull();
    expect(result.userErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await writeCounts(harness)).toEqual(counts);
    expect((await gqlData(harness.url, `{ inventoryItem(sku: "${sku}") { supplier caseSize } }`)).inventoryItem).toEqual({
      supplier: 'Sprocket & Co',
      caseSize: 4,
    });
  });
});
