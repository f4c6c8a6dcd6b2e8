import { demoSkus } from '../../products/src/seed/seed-demo-catalog';
import { gqlData } from '../../../test/support/graphql-client';
import { setStock } from '../../../test/support/inventory-fixtures';
import { dbId } from '../../../test/support/ids';
import { asService, type AuthHeaders } from '../../../test/support/tokens';
import { ledgerMismatches, seedStock, startInventory, type InventoryHarness } from '../../../test/support/inventory';

/**
 * A till's offline batch (inventorySalesRecord) is recorded set-based; these prove it answers,
 * moves stock and emits events exactly as recording each sale on its own (inventorySaleRecord)
 * does, and that overlapping batches sent at once record each sale once.
 */
let inv: InventoryHarness;
let loc: Record<string, string>;
let service: AuthHeaders;
const skus = demoSkus();

beforeAll(async () => {
  inv = await startInventory();
  service = await asService();
  loc = await seedStock(inv);
});
afterAll(() => inv.close());

const LEVELS = 'inventoryLevels { sku onHand reserved version needsReconciliation }';
const RECORD_ONE = `mutation($input: InventorySaleRecordInput!) { inventorySaleRecord(input: $input) { ${LEVELS} userErrors { field code } } }`;
const RECORD_MANY = `mutation($sales: [InventorySaleRecordInput!]!) { inventorySalesRecord(sales: $sales) {
  results { ${LEVELS} userErrors { field code } } userErrors { code } } }`;

interface Answer {
  inventoryLevels: { sku: string; onHand: number; reserved: number; version: number; needsReconciliation: boolean }[] | null;
  userErrors: { field: string[]; code: string }[];
}

const knex = () => inv.server.orm.em.getConnection().getKnex();

async function recordMany(sales: Record<string, unknown>[]): Promise<Answer[]> {
  const answer = (await gqlData(inv.url, RECORD_MANY, { sales }, service)).inventorySalesRecord;
  expect(answer.userErrors).toEqual([]);
  return answer.results as Answer[];
}

const recordOne = async (input: Record<string, unknown>): Promise<Answer> =>
  (await gqlData(inv.url, RECORD_ONE, { input }, service)).inventorySaleRecord as Answer;

/** The SALE movements at a location since `afterId`, in the order written, without what differs by location (version, reference prefix). */
async function movements(locationId: string, afterId: number) {
  const rows = await knex()('inventory.stock_movement')
    .where({ location_id: dbId(locationId), reason: 'SALE' })
    .andWhere('id', '>', afterId)
    .orderBy('id')
    .select('sku', 'quantity', 'on_hand_after', 'available_after', 'channel', 'reference', 'occurred_at');
  return rows.map((r: Record<string, unknown>) => ({ ...r, reference: String(r.reference).replace(/^[^:]*:/, '') }));
}

/** The level events at a location since `afterId`, in the order written. */
async function levelEvents(locationId: string, afterId: number) {
  const rows = await knex()('inventory.outbox_event')
    .whereRaw(`payload->>'locationId' = ?`, [locationId])
    .andWhere('id', '>', afterId)
    .orderBy('id')
    .select('topic', 'payload');
  return rows.map((r: { topic: string; payload: Record<string, unknown> }) => {
    // The two locations' levels started at other versions.
    const { eventId: _eventId, locationId: _locationId, version: _version, ...rest } = r.payload;
    return { topic: r.topic, ...rest };
  });
}

const lastId = async (table: string) => Number((await knex()(`inventory.${table}`).max({ id: 'id' }).first())?.id ?? 0);

describe('an offline batch', () => {
  it('answers, moves stock and emits events as recording each sale on its own: only the sale that takes a level below zero, and those after it, see it flagged', async () => {
    const [a, b] = [skus[50], skus[51]];
    const batchAt = loc['Velocity Cycles Berlin Mitte'];
    const singleAt = loc['Velocity Cycles Hamburg Altona'];
    for (const at of [batchAt, singleAt]) {
      await setStock(inv, a, at, 3);
      await setStock(inv, b, at, 1);
      await knex()('inventory.inventory_level')
        .where({ sku: a, location_id: dbId(at) })
        .update({ low_stock_threshold: 1 });
    }
    const soldAt = new Date(Date.now() - 3_600_000).toISOString();
    const sales = (prefix: string, locationId: string) =>
      [
        { lines: [{ sku: a, quantity: 2 }] },
        // Takes a to -1: this sale is the first to see it negative.
        {
          lines: [
            { sku: b, quantity: 1 },
            { sku: a, quantity: 2 },
          ],
        },
        { lines: [{ sku: a, quantity: 1 }] },
      ].map((sale, i) => ({
        ...sale,
        idempotencyKey: `${prefix}-${i}`,
        locationId,
        channel: 'POS',
        offline: true,
        occurredAt: soldAt,
        reference: `${prefix}:${i}`,
      }));
    const [movedBefore, eventsBefore] = [await lastId('stock_movement'), await lastId('outbox_event')];

    const batched = await recordMany(sales('batch', batchAt));
    const single: Answer[] = [];
    for (const sale of sales('single', singleAt)) single.push(await recordOne(sale));

    expect(batched.map((r) => r.inventoryLevels?.map((l) => [l.sku, l.onHand, l.needsReconciliation]))).toEqual([
      [[a, 1, false]],
      [b < a ? [b, 0, false] : [a, -1, true], b < a ? [a, -1, true] : [b, 0, false]],
      [[a, -2, true]],
    ]);
    const versionless = (answers: Answer[]) =>
      answers.map((r) => ({ ...r, inventoryLevels: r.inventoryLevels?.map(({ version: _version, ...level }) => level) }));
    expect(versionless(batched)).toEqual(versionless(single));
    // Each change bumped the level's version once, in the till's order.
    const versionsOfA = batched.flatMap((r) => r.inventoryLevels?.filter((l) => l.sku === a).map((l) => l.version) ?? []);
    expect(versionsOfA).toEqual([versionsOfA[0], versionsOfA[0] + 1, versionsOfA[0] + 2]);
    expect(await movements(batchAt, movedBefore)).toEqual(await movements(singleAt, movedBefore));
    expect((await movements(batchAt, movedBefore)).map((m: Record<string, unknown>) => [m.sku, m.on_hand_after])).toEqual([
      [a, 1],
      ...(b < a
        ? [
            [b, 0],
            [a, -1],
          ]
        : [
            [a, -1],
            [b, 0],
          ]),
      [a, -2],
    ]);
    const events = await levelEvents(batchAt, eventsBefore);
    expect(events).toEqual(await levelEvents(singleAt, eventsBefore));
    expect(events.filter((e) => e.topic === 'inventory.level.low')).toHaveLength(1);
    expect(await ledgerMismatches(inv)).toEqual([]);
  });

  it('mixes new sales, replays, a key used for other content and an invalid sale: each answered on its own, only the new ones move stock', async () => {
    const sku = skus[52];
    const at = loc['Velocity Cycles Berlin Mitte'];
    await setStock(inv, sku, at, 10);
    const sale = (key: string, quantity: number) => ({
      idempotencyKey: key,
      locationId: at,
      channel: 'POS',
      offline: true,
      lines: [{ sku, quantity }],
      reference: key,
    });
    const first = await recordMany([sale('mix-1', 1), sale('mix-2', 2)]);
    expect(first.map((r) => r.inventoryLevels?.[0].onHand)).toEqual([9, 7]);
    const movedBefore = await lastId('stock_movement');

    const answers = await recordMany([
      sale('mix-3', 1),
      sale('mix-1', 1),
      sale('mix-2', 5),
      { ...sale('mix-4', 1), lines: [] },
      sale('mix-5', 2),
    ]);
    expect(answers.map((r) => [r.inventoryLevels?.map((l) => l.onHand) ?? null, r.userErrors.map((e) => e.code)])).toEqual([
      [[6], []],
      // A replay answers what the sale answered when it was recorded, however the level moved since.
      [[9], []],
      [null, ['IDEMPOTENCY_KEY_MISMATCH']],
      [null, ['BLANK']],
      [[4], []],
    ]);
    expect(answers[2].userErrors[0].field).toEqual(['idempotencyKey']);
    expect((await movements(at, movedBefore)).map((m: Record<string, unknown>) => [m.reference, m.quantity])).toEqual([
      ['mix-3', -1],
      ['mix-5', -2],
    ]);
    // Nothing of the refused sales was kept: their keys are free, or still the first content's.
    const keys = await knex()('inventory.idempotency_record')
      .where({ scope: 'inventorySaleRecord' })
      .whereIn('key', ['mix-3', 'mix-4', 'mix-5'])
      .pluck('key');
    expect(keys.sort()).toEqual(['mix-3', 'mix-5']);
    expect(await ledgerMismatches(inv)).toEqual([]);
  });

  it('answers a replay, alone or in a batch, with what the sale answered when it was recorded: the flag stays with the sale that earned it', async () => {
    const sku = skus[55];
    const at = loc['Velocity Cycles Berlin Mitte'];
    await setStock(inv, sku, at, 1);
    const sale = (key: string) => ({ idempotencyKey: key, locationId: at, channel: 'POS', offline: true, lines: [{ sku, quantity: 1 }] });
    const first = await recordOne(sale('replay-1'));
    expect(first.inventoryLevels?.map((l) => l.onHand)).toEqual([0]);
    // The next sale takes the level below zero; replays of the first, either way, still answer 0.
    expect((await recordMany([sale('replay-2')]))[0].inventoryLevels?.map((l) => l.onHand)).toEqual([-1]);
    expect((await recordOne(sale('replay-1'))).inventoryLevels).toEqual(first.inventoryLevels);
    expect((await recordMany([sale('replay-1'), sale('replay-2')])).map((r) => r.inventoryLevels?.[0].onHand)).toEqual([0, -1]);
    expect((await recordOne(sale('replay-2'))).inventoryLevels?.map((l) => l.onHand)).toEqual([-1]);
    expect(await ledgerMismatches(inv)).toEqual([]);
  });

  it('records each sale once when two devices send overlapping batches at once', async () => {
    const [a, b] = [skus[53], skus[54]];
    const at = loc['Velocity Cycles Berlin Mitte'];
    await setStock(inv, a, at, 5);
    await setStock(inv, b, at, 100);
    const sale = (i: number) => ({
      idempotencyKey: `race-${i}`,
      locationId: at,
      channel: 'POS',
      offline: true,
      lines: [
        { sku: a, quantity: 1 },
        { sku: b, quantity: 1 },
      ],
      reference: `race-${i}`,
    });
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => sale(from + i));
    const movedBefore = await lastId('stock_movement');
    // Overlapping, and in opposite orders: the keys are claimed in one order, so neither waits on the other forever.
    const answers = await Promise.all([recordMany(range(0, 30)), recordMany(range(15, 45).reverse()), recordMany(range(10, 20))]);
    for (const results of answers) expect(results.flatMap((r) => r.userErrors)).toEqual([]);
    const moved = await movements(at, movedBefore);
    expect(moved).toHaveLength(90);
    const perSale = new Map<string, number>();
    for (const m of moved) perSale.set(String(m.reference), (perSale.get(String(m.reference)) ?? 0) + 1);
    expect([...perSale.values()].every((n) => n === 2)).toBe(true);
    expect(perSale.size).toBe(45);
    const [level] = await knex()('inventory.inventory_level').where({ sku: a, location_id: dbId(at) });
    expect([level.on_hand, level.needs_reconciliation]).toEqual([-40, true]);
    expect(await ledgerMismatches(inv)).toEqual([]);
  });
});
