import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedisEventBus } from '#platform/events';
import { createLogger } from '#platform/runtime';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { freePort } from '../../scripts/lib/free-port';
import { startGateway, type GatewayHarness, type GatewayTestOptions } from '../../test/support/gateway';
import { gqlData } from '../../test/support/graphql-client';
import { asAdmin } from '../../test/support/tokens';
import { seedStock, startInventory, type InventoryHarness } from '../../test/support/inventory';
import { subscribeLive } from '../../test/support/live';
import { ADJUST_STOCK } from '../../test/support/documents';

let inv: InventoryHarness;
let loc: Record<string, string>;
const skus = demoSkus();
const gateways: GatewayHarness[] = [];

beforeAll(async () => {
  inv = await startInventory();
  loc = await seedStock(inv);
});
afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close().catch(() => {})));
  await inv?.close();
});

async function gateway(urls: Record<string, string> = {}, live: GatewayTestOptions['live'] = {}) {
  const g = await startGateway(
    { products: inv.products.url, inventory: inv.url, ...urls },
    { live: { databaseUrl: inv.products.db.url, ...live } },
  );
  gateways.push(g);
  return g;
}

const STOCK = `subscription($skus: [String!], $locationIds: [ID!]) { stockChanged(skus: $skus, locationIds: $locationIds) {
  kind sku onHand version variant { title product { title } } } }`;
type Item = { kind: string; sku: string; onHand: number; version: number; variant: { title: string } | null };

async function adjust(url: string, sku: string, locationId: string, delta: number) {
  const result = await gqlData(url, ADJUST_STOCK, { input: { sku, locationId, delta, reason: 'CORRECTION' } }, await asAdmin());
  expect(result.inventoryAdjust.userErrors).toEqual([]);
  return result.inventoryAdjust.inventoryLevel!.version;
}

it('delivers a change made through gateway A to a subscriber on gateway B', async () => {
  const [a, b] = [await gateway(), await gateway()];
  const berlin = loc['Velocity Cycles Berlin Mitte'];
  const sub = subscribeLive<Item>(b.wsUrl, STOCK, { skus: [skus[50]], locationIds: [berlin] });
  try {
    await sub.waitFor((items) => items.length === 1);
    const version = await adjust(a.url, skus[50], berlin, 4);
    await sub.waitFor((items) => items.some((i) => i.version === version));
  } finally {
    await sub.dispose();
  }
});

describe('with the Redis bus (REDIS_URL)', () => {
  const redisUrl = process.env.REDIS_URL;
  (redisUrl ? it : it.skip)('delivers across two gateways, one of them relaying the outbox', async () => {
    const logger = createLogger('redis-bus-test', 'silent');
    const bus = () =>
      new RedisEventBus({ redisUrl: redisUrl as string, databaseUrl: inv.products.db.url, schemas: ['inventory'], logger, pollMs: 200 });
    const [a, b] = [await gateway({}, { bus: bus() }), await gateway({}, { bus: bus() })];
    const hamburg = loc['Velocity Cycles Hamburg Altona'];
    const subs = [
      subscribeLive<Item>(a.wsUrl, STOCK, { skus: [skus[51]], locationIds: [hamburg] }),
      subscribeLive<Item>(b.wsUrl, STOCK, { skus: [skus[51]], locationIds: [hamburg] }),
    ];
    try {
      await Promise.all(subs.map((s) => s.waitFor((items) => items.length === 1)));
      const version = await adjust(a.url, skus[51], hamburg, 2);
      for (const sub of subs) await sub.waitFor((items) => items.some((i) => i.version === version));
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const sub of subs) expect(sub.items.filter((i) => i.version === version)).toHaveLength(1);
    } finally {
      await Promise.all(subs.map((s) => s.dispose()));
    }
  });
});

describe('when the catalog is slow or down during hydration', () => {
  let silent: Server;
  beforeAll(async () => {
    // Accepts connections and never answers: a hung products subgraph.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        silent.closeAllConnections();
        silent.close(() => resolve());
      }),
  );

  it.each([
    ['down', async () => `http://127.0.0.1:${await freePort()}/graphql`],
    ['hung', async () => `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`],
  ])('still sends stock when products is %s, with variant null and an error', async (_state, productsUrl) => {
    const g = await gateway({ products: await productsUrl() }, { hydrationTimeoutMs: 300 });
    const erfurt = loc['MarketHub Fulfilment Erfurt'];
    const sub = subscribeLive<Item>(g.wsUrl, STOCK, { skus: [skus[52]], locationIds: [erfurt] });
    try {
      const started = Date.now();
      const [item] = await sub.waitFor((items) => items.length === 1);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(item).toMatchObject({ kind: 'SNAPSHOT', sku: skus[52], variant: null });
      expect(sub.errors).toContainEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: 'HYDRATION_FAILED' }) }));
    } finally {
      await sub.dispose();
    }
  });
});

it('tells subscribers to reconnect and resume when the gateway shuts down', async () => {
  const g = await gateway();
  const sub = subscribeLive<Item>(g.wsUrl, STOCK, { skus: [skus[53]] });
  await sub.waitFor((items) => items.length === 4);
  await g.close();
  expect(await sub.closeCode()).toBe(1012);
  await sub.dispose();
});
