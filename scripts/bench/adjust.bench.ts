import { Role } from '#platform/auth';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { startInProcessSystem } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { seedDemoBusiness } from '../lib/seed-demo';
import { BENCH_JWT_SECRET, benchHeaders } from './bench-auth';
import { measure, printResults } from './measure';

/**
 * Mutations that check another subgraph before their transaction, through the real gateway on
 * the default pool (10 connections per subgraph): BENCH_ADJUST_CLIENTS concurrent callers
 * (default 100, more than the pool) send inventoryAdjust, each on its own SKU, and
 * discountCreate with product targets. Every request must answer; the figures are throughput
 * and p99, and the count of errors (which must be zero).
 */
export async function adjustBench(databaseUrl: string): Promise<void> {
  const clients = Number(process.env.BENCH_ADJUST_CLIENTS ?? 100);
  const requests = Number(process.env.BENCH_ADJUST_REQUESTS ?? 1_000);
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {});
  const system = await startInProcessSystem({
    databaseUrl,
    jwtSecret: BENCH_JWT_SECRET,
    gatewaySecret: 'bench-gateway-secret-0123456789abcdef',
  });
  try {
    const headers = await benchHeaders(Role.ADMIN);
    const post = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(system.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown[]; data?: Record<string, { userErrors: unknown[] }> };
      const payload = body.data ? Object.values(body.data)[0] : null;
      if (body.errors?.length || !payload || payload.userErrors.length) errors.push(JSON.stringify(body.errors ?? payload?.userErrors));
    };
    const errors: string[] = [];
    const first = async (query: string) => {
      const response = await fetch(system.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query }) });
      return ((await response.json()) as { data: Record<string, { nodes: { id: string }[] }> }).data;
    };
    const locationId = (await first('{ locations(first: 1) { nodes { id } } }')).locations.nodes[0].id;
    const productIds = (await first('{ products(first: 3) { nodes { id } } }')).products.nodes.map((p) => p.id);
    const skus = demoSkus();
    const adjust = await measure(`inventoryAdjust, ${clients} clients`, requests, clients, (i) =>
      post('mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { inventoryLevel { onHand } userErrors { code } } }', {
        input: { sku: skus[i % skus.length], locationId, delta: 1, reason: 'RECEIVED' },
      }),
    );
    const adjustErrors = errors.splice(0).length;
    const discounts = await measure(`discountCreate, ${clients} clients`, Math.min(requests, 500), clients, (i) =>
      post('mutation($input: DiscountInput!) { discountCreate(input: $input) { discount { id } userErrors { code } } }', {
        input: { title: `Bench ${i}`, code: `BENCH${i}`, kind: 'PERCENTAGE', value: '5', appliesTo: { type: 'PRODUCTS', productIds } },
      }),
    );
    printResults('Mutations checked against another subgraph, through the gateway, default pool', [adjust, discounts]);
    console.log(`errors: inventoryAdjust ${adjustErrors}, discountCreate ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}`);
  } finally {
    await system.close();
  }
}
