import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Role } from '#platform/auth';
import { sql } from '#platform/db';
import { startInProcessSystem } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { seedDemoBusiness } from '../lib/seed-demo';
import { BENCH_JWT_SECRET, benchHeaders } from './bench-auth';
import { measure, printResults } from './measure';

const GATEWAY_SECRET = 'bench-gateway-secret-0123456789abcdef';
const SYNC = `mutation($device: String!, $orders: [PosOfflineOrderInput!]!) { posOrdersSync(deviceId: $device, orders: $orders) {
  results { status } userErrors { code } } }`;
const SELL = `mutation($input: PosOrderCreateInput!, $key: String!) { posOrderCreate(input: $input, idempotencyKey: $key) { order { id } userErrors { code } } }`;

/**
 * The till through the real gateway. BENCH_POS_OFFLINE offline sales (default 1,000, two lines,
 * cash) synced in batches of BENCH_POS_BATCH (default 100), one batch after another as a till
 * reconnecting would, in sales per second (target: 1,000 in under 10 s); then BENCH_POS_SALES
 * online sales (default 200; 0 skips them) from BENCH_POS_TILLS concurrent tills (default 8), p50/p99.
 * Checked afterwards: one order per clientOrderId, and the stock moved once per sale.
 */
export async function posBench(databaseUrl: string): Promise<void> {
  const offlineSales = Number(process.env.BENCH_POS_OFFLINE ?? 1_000);
  const batchSize = Number(process.env.BENCH_POS_BATCH ?? 100);
  const tillSales = Number(process.env.BENCH_POS_SALES ?? 200);
  const tills = Number(process.env.BENCH_POS_TILLS ?? 8);
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {});
  const system = await startInProcessSystem({ databaseUrl, jwtSecret: BENCH_JWT_SECRET, gatewaySecret: GATEWAY_SECRET });
  try {
    const admin = await benchHeaders(Role.ADMIN);
    const em = system.servers.inventory.orm.em.fork();
    const [store] = await sql<{ id: string }>(em, `select id from inventory.location where pickup_enabled order by name limit 1`);
    const cashier = await benchHeaders(Role.STAFF, { locationId: store.id });
    const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
      const response = await fetch(system.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown[]; data?: Record<string, any> };
      if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    for (const sku of ['POS-BENCH-A', 'POS-BENCH-B']) {
      await post(
        `mutation($input: ProductCreateInput!) { productCreate(input: $input) { userErrors { code } } }`,
        { input: { title: `Bench ${sku}`, status: 'ACTIVE', channels: ['POS'], variants: [{ sku, price: { amount: '5.00' } }] } },
        admin,
      );
      await post(
        `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`,
        { input: { sku, locationId: store.id, delta: offlineSales + tillSales + 10, reason: 'RECEIVED' } },
        admin,
      );
    }
    const sale = () => ({
      clientOrderId: randomUUID(),
      soldAt: new Date(Date.now() - 60_000).toISOString(),
      lines: [
        { sku: 'POS-BENCH-A', quantity: 1, unitPrice: { amount: '5.00' } },
        { sku: 'POS-BENCH-B', quantity: 1, unitPrice: { amount: '5.00' } },
      ],
      payments: [{ method: 'CASH', amount: { amount: '10.00' }, amountTendered: { amount: '20.00' } }],
    });
    const offline = Array.from({ length: offlineSales }, sale);
    const statuses = new Map<string, number>();
    const started = performance.now();
    for (let i = 0; i < offline.length; i += batchSize) {
      const data = await post(SYNC, { device: 'bench-till', orders: offline.slice(i, i + batchSize) }, cashier);
      for (const r of data.posOrdersSync.results as { status: string }[]) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `\noffline sync: ${offlineSales} sales in batches of ${batchSize}: ${seconds.toFixed(2)} s, ${(offlineSales / seconds).toFixed(0)} sales/s`,
    );
    console.log(`  results: ${[...statuses].map(([s, n]) => `${n} ${s}`).join(', ')}`);
    const replay = performance.now();
    await post(SYNC, { device: 'bench-till', orders: offline.slice(0, batchSize) }, cashier);
    console.log(`  a batch of ${batchSize} synced again (all DUPLICATE): ${(performance.now() - replay).toFixed(0)} ms`);

    let refused = 0;
    if (tillSales > 0) {
      const result = await measure(`till sale (2 lines, cash with change), ${tills} tills`, tillSales, tills, async (i) => {
        const data = await post(
          SELL,
          {
            key: `bench-till-${i}`,
            input: {
              clientOrderId: randomUUID(),
              deviceId: `till-${i % tills}`,
              lines: [
                { sku: 'POS-BENCH-A', quantity: 1 },
                { sku: 'POS-BENCH-B', quantity: 1 },
              ],
              payments: [{ method: 'CASH', amount: { amount: '10.00' }, amountTendered: { amount: '20.00' } }],
            },
          },
          cashier,
        );
        if (data.posOrderCreate.userErrors.length) refused += 1;
      });
      printResults('point of sale through the gateway', [result]);
    }
    const orders = system.servers.orders.orm.em.fork();
    const [{ n: posOrders }] = await sql<{ n: string }>(orders, `select count(*) as n from orders."order" where channel = 'POS'`);
    const [{ moved }] = await sql<{ moved: string }>(
      em,
      `select coalesce(-sum(quantity), 0) as moved from inventory.stock_movement where sku = 'POS-BENCH-A' and reason = 'SALE'`,
    );
    console.log(
      `\n${posOrders} POS orders for ${offlineSales + tillSales - refused} sales; ${moved} units of POS-BENCH-A left as sales; ${refused} till sales refused`,
    );
  } finally {
    await system.close();
  }
}
