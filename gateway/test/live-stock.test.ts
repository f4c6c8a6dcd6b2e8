import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { startGateway, type GatewayHarness } from '../../test/support/gateway';
import { gqlData } from '../../test/support/graphql-client';
import { asAdmin } from '../../test/support/tokens';
import { seedStock, startInventory, type InventoryHarness } from '../../test/support/inventory';
import { subscribeLive } from '../../test/support/live';
import { ADJUST_STOCK } from '../../test/support/documents';
import { toGlobalId } from '#platform/ids';

let inv: InventoryHarness;
let gateway: GatewayHarness;
let loc: Record<string, string>;
const skus = demoSkus();

beforeAll(async () => {
  inv = await startInventory();
  loc = await seedStock(inv);
  gateway = await startGateway({ products: inv.products.url, inventory: inv.url }, { live: { databaseUrl: inv.products.db.url } });
});
afterAll(async () => {
  await gateway?.close();
  await inv?.close();
});

const STOCK = `subscription($skus: [String!], $locationIds: [ID!], $since: [StockCursorInput!]) {
  stockChanged(skus: $skus, locationIds: $locationIds, since: $since) {
    kind sku onHand reserved available delta reason version occurredAt
    location { id name }
    variant { sku title price { amount } product { title } }
  } }`;

type Item = {
  kind: string;
  sku: string;
  onHand: number;
  available: number;
  delta: number | null;
  reason: string | null;
  version: number;
  location: { id: string; name: string };
  variant: { sku: string; title: string; product: { title: string } } | null;
};

async function adjust(sku: string, locationId: string, delta: number) {
  const result = await gqlData(
    gateway.url,
    ADJUST_STOCK,
    { input: { sku, locationId, delta, reason: delta > 0 ? 'RECEIVED' : 'SALE' } },
    await asAdmin(),
  );
  expect(result.inventoryAdjust.userErrors).toEqual([]);
  const { version, onHand } = result.inventoryAdjust.inventoryLevel!;
  return { version, onHand };
}

it('sends a snapshot of what was asked for, then each change as it commits, with the variant from the catalog', async () => {
  const berlin = loc['Velocity Cycles Berlin Mitte'];
  const sub = subscribeLive<Item>(gateway.wsUrl, STOCK, { skus: [skus[0], skus[1]], locationIds: [berlin] });
  try {
    const snapshot = await sub.waitFor((items) => items.length >= 2);
    expect(snapshot.map((i) => i.kind)).toEqual(['SNAPSHOT', 'SNAPSHOT']);
    expect(snapshot.map((i) => i.sku).sort()).toEqual([skus[0], skus[1]].sort());
    expect(snapshot[0].location).toEqual({ id: toGlobalId('Location', berlin), name: 'Velocity Cycles Berlin Mitte' });
    expect(snapshot[0].variant?.product.title).toBeTruthy();

    const before = snapshot.find((i) => i.sku === skus[0]) as Item;
    const level = await adjust(skus[0], berlin, -1);
    await adjust(skus[2], berlin, 1); // not asked for
    await adjust(skus[0], loc['Velocity Cycles Hamburg Altona'], 1); // another location
    const items = await sub.waitFor((received) => received.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sub.items).toHaveLength(3);
    expect(items[2]).toMatchObject({
      kind: 'CHANGE',
      sku: skus[0],
      onHand: before.onHand - 1,
      delta: -1,
      reason: 'SALE',
      version: level.version,
      location: { id: toGlobalId('Location', berlin) },
    });
    expect(items[2].variant?.sku).toBe(skus[0]);
    expect(sub.errors).toEqual([]);
  } finally {
    await sub.dispose();
  }
});

it('loses nothing committed while the snapshot is read, and repeats nothing', async () => {
  const hamburg = loc['Velocity Cycles Hamburg Altona'];
  const sku = skus[5];
  const writer = (async () => {
    for (let i = 0; i < 15; i += 1) await adjust(sku, hamburg, 1);
  })();
  const sub = subscribeLive<Item>(gateway.wsUrl, STOCK, { skus: [sku], locationIds: [hamburg] });
  try {
    await writer;
    const final = (await gqlData(gateway.url, `{ inventoryLevels(sku: "${sku}", locationId: "${hamburg}") { nodes { version } } }`))
      .inventoryLevels.nodes[0].version;
    const items = await sub.waitFor((received) => received.at(-1)?.version === final);
    const versions = items.map((i) => i.version);
    expect(items[0].kind).toBe('SNAPSHOT');
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.slice(1)).toEqual(Array.from({ length: final - versions[0] }, (_, i) => versions[0] + 1 + i));
  } finally {
    await sub.dispose();
  }
});

it('never sends a change that rolled back', async () => {
  const berlin = loc['Velocity Cycles Berlin Mitte'];
  const sku = skus[6];
  const sub = subscribeLive<Item>(gateway.wsUrl, STOCK, { skus: [sku], locationIds: [berlin] });
  try {
    await sub.waitFor((items) => items.length === 1);
    const refused = await gqlData(
      gateway.url,
      `mutation { inventoryAdjust(input: { sku: "${sku}", locationId: "${berlin}", delta: -100000, reason: LOST }) { userErrors { code } } }`,
      {},
      await asAdmin(),
    );
    expect(refused.inventoryAdjust.userErrors[0].code).toBe('INSUFFICIENT_STOCK');
    const level = await adjust(sku, berlin, 2);
    const items = await sub.waitFor((received) => received.length === 2);
    expect(items[1]).toMatchObject({ kind: 'CHANGE', delta: 2, version: level.version });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sub.items).toHaveLength(2);
  } finally {
    await sub.dispose();
  }
});

it('resumes after a dropped connection with every change it missed', async () => {
  const leipzig = loc['Central Warehouse Leipzig'];
  const [a, b] = [skus[7], skus[8]];
  const first = subscribeLive<Item>(gateway.wsUrl, STOCK, { skus: [a, b], locationIds: [leipzig] });
  const seen = await first.waitFor((items) => items.length === 2);
  await first.dispose();
  const missedA = [await adjust(a, leipzig, 1), await adjust(a, leipzig, 1), await adjust(a, leipzig, -1)];
  const since = seen.map((i) => ({ sku: i.sku, locationId: leipzig, version: i.version }));
  const second = subscribeLive<Item>(gateway.wsUrl, STOCK, { skus: [a, b], locationIds: [leipzig], since });
  try {
    const items = await second.waitFor((received) => received.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.items.map((i) => [i.kind, i.sku, i.version])).toEqual(missedA.map((l) => ['CHANGE', a, l.version]));
    expect(items.map((i) => i.delta)).toEqual([1, 1, -1]);
    const live = await adjust(b, leipzig, 3);
    await second.waitFor((received) => received.some((i) => i.sku === b && i.version === live.version));
  } finally {
    await second.dispose();
  }
});

it('sends a fresh snapshot when the version to resume from is unknown', async () => {
  const erfurt = loc['MarketHub Fulfilment Erfurt'];
  const sub = subscribeLive<Item>(gateway.wsUrl, STOCK, {
    skus: [skus[9]],
    locationIds: [erfurt],
    since: [{ sku: skus[9], locationId: erfurt, version: 999_999 }],
  });
  try {
    const items = await sub.waitFor((received) => received.length === 1);
    expect(items[0].kind).toBe('SNAPSHOT');
  } finally {
    await sub.dispose();
  }
});

it('hydrates and executes each event once per distinct selection, not once per subscriber', async () => {
  const berlin = loc['Velocity Cycles Berlin Mitte'];
  const sku = skus[14];
  const variables = { skus: [sku], locationIds: [berlin] };
  const subs = Array.from({ length: 20 }, () => subscribeLive<Item>(gateway.wsUrl, STOCK, variables));
  const BARE = `subscription($skus: [String!], $locationIds: [ID!]) { stockChanged(skus: $skus, locationIds: $locationIds) { sku available } }`;
  const bare = Array.from({ length: 5 }, () => subscribeLive<{ sku: string; available: number }>(gateway.wsUrl, BARE, variables));
  try {
    await Promise.all([...subs, ...bare].map((s) => s.waitFor((items) => items.length === 1)));
    const before = gateway.server.live!.hydrator.executed;
    const executionsBefore = gateway.server.live!.executions();
    await adjust(sku, berlin, 1);
    const received = await Promise.all(subs.map((s) => s.waitFor((items) => items.length === 2)));
    const bareReceived = await Promise.all(bare.map((s) => s.waitFor((items) => items.length === 2)));
    // one variant query and one location query for the event, shared by all 20 subscribers
    expect(gateway.server.live!.hydrator.executed - before).toBe(2);
    // and one execution of each of the two documents, the answer handed to each of its subscribers
    expect(gateway.server.live!.executions() - executionsBefore).toBe(2);
    expect(new Set(received.map((items) => JSON.stringify(items[1]))).size).toBe(1);
    expect(received[0][1]).toMatchObject({ kind: 'CHANGE', sku, variant: { sku } });
    expect(bareReceived.map((items) => items[1])).toEqual(bare.map(() => ({ sku, available: received[0][1].available })));
  } finally {
    await Promise.all([...subs, ...bare].map((s) => s.dispose()));
  }
});

it("hydrates a snapshot's items together, 25 variants to an operation, each item with its own variant", async () => {
  const berlin = loc['Velocity Cycles Berlin Mitte'];
  const wanted = skus.slice(0, 60);
  const before = gateway.server.live!.hydrator.executed;
  const sub = subscribeLive<Item>(gateway.wsUrl, STOCK, { skus: wanted, locationIds: [berlin] });
  try {
    const snapshot = await sub.waitFor((items) => items.length === wanted.length);
    // Each item gets its own variant, exactly as asking for it alone would (null for an archived product's).
    const alone: Record<string, { sku: string } | null> = {};
    for (let start = 0; start < wanted.length; start += 20) {
      const aliases = wanted.slice(start, start + 20).map((sku, i) => `v${start + i}: productVariant(sku: "${sku}") { sku }`);
      Object.assign(alone, await gqlData(gateway.url, `query { ${aliases.join(' ')} }`));
    }
    expect(snapshot.map((item) => [item.kind, item.sku, item.variant?.sku ?? null])).toEqual(
      snapshot.map((item) => ['SNAPSHOT', item.sku, alone[`v${wanted.indexOf(item.sku)}`]?.sku ?? null]),
    );
    expect(snapshot.filter((item) => item.variant).length).toBeGreaterThan(50);
    expect(new Set(snapshot.map((item) => item.location.name))).toEqual(new Set(['Velocity Cycles Berlin Mitte']));
    // 60 variants in 3 operations and the one location in 1, instead of 120 operations
    expect(gateway.server.live!.hydrator.executed - before).toBe(4);
  } finally {
    await sub.dispose();
  }
});

it('splits a batch the gateway refuses as too costly until each part passes, and still answers every item', async () => {
  const hamburg = loc['Velocity Cycles Hamburg Altona'];
  const wanted = skus.slice(0, 30);
  // 25 copies of this selection cost more than a client may ask for at once; a few copies do not.
  const COSTLY = `subscription($skus: [String!], $locationIds: [ID!]) { stockChanged(skus: $skus, locationIds: $locationIds) {
    sku variant { sku product { title variants(first: 40) { nodes { sku } } } } } }`;
  type Costly = { sku: string; variant: { sku: string; product: { variants: { nodes: { sku: string }[] } } } | null };
  const sub = subscribeLive<Costly>(gateway.wsUrl, COSTLY, { skus: wanted, locationIds: [hamburg] });
  try {
    const snapshot = await sub.waitFor((items) => items.length === wanted.length);
    const answered = snapshot.filter((item) => item.variant);
    expect(answered.length).toBeGreaterThan(25);
    for (const item of answered) {
      expect(item.variant!.sku).toBe(item.sku);
      expect(item.variant!.product.variants.nodes.map((v) => v.sku)).toContain(item.sku);
    }
  } finally {
    await sub.dispose();
  }
});

it('refuses queries over the socket and closes a connection with a bad token with 4403', async () => {
  const sub = subscribeLive(gateway.wsUrl, STOCK, {}, { authorization: 'Bearer not-a-token' });
  try {
    expect(await sub.closeCode()).toBe(4403);
  } finally {
    await sub.dispose();
  }
});

it('answers a malformed subscription with an error and keeps the socket for the others', async () => {
  const berlin = loc['Velocity Cycles Berlin Mitte'];
  const good = subscribeLive<Item>(gateway.wsUrl, STOCK, { skus: [skus[15]], locationIds: [berlin] });
  try {
    await good.waitFor((items) => items.length === 1);
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      good.client.subscribe(
        { query: 'subscription { stockChanged( }' },
        {
          next: () => {},
          error: (e) => {
            errors.push(e);
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
    expect(JSON.stringify(errors)).toMatch(/Syntax Error/);
    const level = await adjust(skus[15], berlin, 1);
    await good.waitFor((items) => items.some((i) => i.version === level.version));
  } finally {
    await good.dispose();
  }
});
