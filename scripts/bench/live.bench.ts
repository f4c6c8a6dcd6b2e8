import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '#platform/auth';
import { sql } from '#platform/db';
import { PostgresEventBus } from '#platform/events';
import { createLogger } from '#platform/runtime';
import { createInventoryServer } from '../../subgraphs/inventory/src/server';
import { seedDemoStock } from '../../subgraphs/inventory/src/seed/seed-demo-stock';
import { createProductsServer } from '../../subgraphs/products/src/server';
import { demoSkus, seedDemoCatalog } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createGatewayServer } from '../../gateway/src/server';
import { loadSupergraph } from '../../gateway/src/supergraph';
import { migrateAll } from '../lib/migrate-all';
import { BENCH_JWT_SECRET, benchHeaders } from './bench-auth';
import { processCpuMs } from './child-process';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMiB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * Live stock at scale, one gateway process: N idle subscribers (memory per connection on the
 * gateway's heap), then one stock change fanned out to all of them (commit to receipt, how
 * many hydration queries it cost, and the CPU in ms it took the gateway's process, which also
 * holds inventory and products, and the subscribers' process, which parses every message). N from BENCH_SUBSCRIBERS, default "1000,10000".
 */
export async function liveBench(databaseUrl: string): Promise<void> {
  const sizes = (process.env.BENCH_SUBSCRIBERS ?? '1000,10000').split(',').map(Number);
  await migrateAll(databaseUrl, () => {});
  const logger = createLogger('bench', 'silent');
  const products = await createProductsServer({ databaseUrl, logger, currencyCode: 'EUR', poolMax: 8, jwtSecret: BENCH_JWT_SECRET });
  const productsUrl = `${await products.listen(0)}/graphql`;
  const inventory = await createInventoryServer({
    databaseUrl,
    logger,
    productsUrl,
    reservationSweepMs: 0,
    poolMax: 8,
    jwtSecret: BENCH_JWT_SECRET,
  });
  const inventoryUrl = `${await inventory.listen(0)}/graphql`;
  await seedDemoCatalog(products.orm.em.fork(), 'EUR');
  await seedDemoStock(inventory.orm.em.fork(), demoSkus());
  const bus = new PostgresEventBus({ databaseUrl, schemas: ['inventory'], logger, pollMs: 1_000 });
  await bus.start();
  const gateway = await createGatewayServer({
    supergraph: await loadSupergraph(),
    subgraphUrls: { products: productsUrl, inventory: inventoryUrl },
    timeoutMs: 10_000,
    logger,
    landingPage: false,
    jwtSecret: BENCH_JWT_SECRET,
    live: { bus, hydrationTimeoutMs: 5_000, limits: { coalesceAbove: 256, maxQueued: 10_000 }, keepAliveMs: 30_000 },
  });
  const base = await gateway.listen(0);
  const [{ id: locationId }] = await inventory.orm.em.getConnection().getKnex()('inventory.location').select('id').orderBy('name').limit(1);
  const sku = demoSkus()[0];
  console.log(`\nlive stock: one gateway process, subscribers each on their own WebSocket, 1 SKU at 1 location`);
  console.log(
    `${'subscribers'.padStart(11)} ${'heap/conn KiB'.padStart(14)} ${'connect s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'hydrations'.padStart(11)} ${'gateway CPU'.padStart(12)} ${'clients CPU'.padStart(12)}`,
  );
  try {
    await kioskSnapshots(gateway, `${base.replace('http', 'ws')}/graphql`, inventory.orm.em.fork());
    for (const size of sizes) {
      const heapBefore = heapMiB();
      const started = Date.now();
      const child = fork(join(__dirname, 'live-clients.js'), [`${base.replace('http', 'ws')}/graphql`, String(size), sku, locationId], {
        stdio: 'inherit',
      });
      const ready = await new Promise<{ snapshots: number; errors: number }>((resolve) =>
        child.on('message', (m: { type: string; snapshots: number; errors: number }) => m.type === 'ready' && resolve(m)),
      );
      const connectSeconds = (Date.now() - started) / 1000;
      const heapPerConnection = ((heapMiB() - heapBefore) * 1024) / size;
      if (ready.errors) console.log(`  (${ready.errors} of ${size} subscriptions failed to start)`);
      const hydrationsBefore = gateway.live!.hydrator.executed;
      // The CPU the fan-out costs each side: this process (gateway, inventory, products) and the subscribers' process.
      const ownCpuBefore = process.cpuUsage();
      const clientsCpuBefore = processCpuMs(child.pid as number);
      const received = new Promise<number[]>((resolve) =>
        child.on('message', (m: { type: string; latencies: number[] }) => m.type === 'received' && resolve(m.latencies)),
      );
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: await benchHeaders(Role.ADMIN),
        body: JSON.stringify({
          query: `mutation { inventoryAdjust(input: { sku: "${sku}", locationId: "${locationId}", delta: 1, reason: RECEIVED }) { userErrors { code } } }`,
        }),
      });
      await response.json();
      const latencies = (await received).sort((a, b) => a - b);
      const ownCpu = process.cpuUsage(ownCpuBefore);
      const fanOutCpu = { gateway: (ownCpu.user + ownCpu.system) / 1000, clients: processCpuMs(child.pid as number) - clientsCpuBefore };
      const hydrations = gateway.live!.hydrator.executed - hydrationsBefore;
      console.log(
        `${String(size).padStart(11)} ${heapPerConnection.toFixed(1).padStart(14)} ${connectSeconds.toFixed(1).padStart(10)} ${String(percentile(latencies, 0.5)).padStart(8)} ${String(percentile(latencies, 0.99)).padStart(8)} ${String(latencies.at(-1)).padStart(8)} ${String(hydrations).padStart(11)} ${fanOutCpu.gateway.toFixed(0).padStart(12)} ${fanOutCpu.clients.toFixed(0).padStart(12)}`,
      );
      child.send({ type: 'close' });
      await new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await gateway.close();
    await bus.stop();
    await inventory.close();
    await products.close();
  }
}

const KIOSK = `subscription($locationIds: [ID!]) { stockChanged(locationIds: $locationIds) {
  kind sku available location { name } variant { title price { amount currencyCode } product { title images { url altText } } } } }`;

/**
 * A kiosk's first SNAPSHOT: every level of the store with the largest stock list, each with its
 * variant, price, product title and images from the catalog, from subscribing to the last item
 * (BENCH_KIOSK_SNAPSHOTS times, default 3, one at a time, each on a new connection 10 s after
 * the one before, when the hydrations it shared with other kiosks have expired). The first run
 * also plans the hydration operations; the later ones find the plans cached, as a kiosk does
 * when others with its selection ran before it.
 */
async function kioskSnapshots(
  gateway: { live: { hydrator: { executed: number } } | null },
  wsUrl: string,
  em: EntityManager,
): Promise<void> {
  const runs = Number(process.env.BENCH_KIOSK_SNAPSHOTS ?? 3);
  const [{ locationId, levels }] = await sql<{ locationId: string; levels: string }>(
    em,
    `select location_id as "locationId", count(*) as levels from inventory.inventory_level group by location_id order by levels desc limit 1`,
  );
  const expected = Number(levels);
  const times: number[] = [];
  let hydrations = 0;
  for (let run = 0; run < runs; run++) {
    const before = gateway.live!.hydrator.executed;
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, onNonLazyError: () => {} });
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      let received = 0;
      client.subscribe<{ stockChanged: { variant: { title: string } | null } }>(
        { query: KIOSK, variables: { locationIds: [locationId] } },
        {
          next: ({ data, errors }) => {
            if (errors?.length) reject(new Error(errors[0].message));
            else if (data && ++received === expected) resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    times.push(performance.now() - started);
    hydrations = gateway.live!.hydrator.executed - before;
    await client.dispose();
    if (run < runs - 1) await new Promise((resolve) => setTimeout(resolve, 10_500));
  }
  const [first, ...later] = times;
  later.sort((a, b) => a - b);
  console.log(
    `kiosk first SNAPSHOT of ${expected} levels with variant, price, product title and images: ${first.toFixed(0)} ms the first time, then p50 ${(later[Math.floor(later.length / 2)] ?? first).toFixed(0)} ms over ${later.length} more; ${hydrations} hydration operations per snapshot`,
  );
}
