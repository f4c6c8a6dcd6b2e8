import { performance } from 'node:perf_hooks';
import { createLogger } from '#platform/runtime';
import { createGatewayServer } from '../../gateway/src/server';
import { loadSupergraph } from '../../gateway/src/supergraph';
import { PostgresBucketStore, Throttle } from '../../gateway/src/throttle';
import { startInProcessSubgraphs } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { seedDemoBusiness } from '../lib/seed-demo';
import { measure, printResults, type LoadResult } from './measure';

/**
 * What the edge's limits cost: an ordinary storefront query through two gateways over the same
 * subgraphs, one with every limit (Armor's rules, the cost, the per-client throttle in
 * PostgreSQL) and one without, in alternating rounds so drift in the machine's load hits both.
 */
export async function edgeBench(databaseUrl: string): Promise<void> {
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {});
  const logger = createLogger('bench', 'silent');
  const jwtSecret = new TextEncoder().encode('bench-jwt-secret-0123456789abcdef0123456789');
  const gatewaySecret = 'bench-gateway-secret-0123456789abcdef';
  const subgraphs = await startInProcessSubgraphs({ databaseUrl, jwtSecret, gatewaySecret, logger });
  const store = new PostgresBucketStore(databaseUrl);
  // A budget no round exhausts: every request is charged, none refused.
  const throttle = new Throttle(store, {
    clients: { maximumAvailable: 10_000_000, restoreRate: 1_000_000 },
    staff: { maximumAvailable: 10_000_000, restoreRate: 1_000_000 },
    minimumCost: 5,
  });
  const common = { subgraphUrls: subgraphs.urls, timeoutMs: 10_000, logger, landingPage: false, jwtSecret, gatewaySecret };
  const supergraph = await loadSupergraph();
  const limited = await createGatewayServer({ ...common, supergraph, throttle });
  const open = await createGatewayServer({ ...common, supergraph, enforceLimits: false });
  try {
    const urls = { limited: `${await limited.listen(0)}/graphql`, open: `${await open.listen(0)}/graphql` };
    const STOREFRONT = `query Storefront { products(first: 12, filter: { channel: WEB }) { nodes { title handle
      priceRange { minVariantPrice { amount currencyCode } } images { url altText }
      variants(first: 5) { nodes { sku price { amount } availableForSale } } } } }`;
    const post = async (url: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: STOREFRONT }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    for (const url of Object.values(urls)) for (let i = 0; i < 20; i++) await post(url); // warm both
    const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
    const requests = Number(process.env.BENCH_REQUESTS ?? 300);
    const results: LoadResult[] = [];
    for (let round = 1; round <= rounds; round++) {
      results.push(await measure(`round ${round}: without limits`, requests, 4, () => post(urls.open)));
      results.push(await measure(`round ${round}: with limits + throttle`, requests, 4, () => post(urls.limited)));
    }
    // Interleaved: each caller alternates the two gateways request by request, so both see the
    // same moment's load; on a shared machine this tells a few percent apart where rounds cannot.
    const latencies: Record<'open' | 'limited', number[]> = { open: [], limited: [] };
    await measure('interleaved', requests * 2, 4, async (i) => {
      const which = i % 2 === 0 ? 'open' : 'limited';
      const started = performance.now();
      await post(urls[which]);
      latencies[which].push(performance.now() - started);
    });
    printResults('edge: storefront query (12 products × 5 variants with stock), 4 callers', results);
    const total = (label: string) => results.filter((r) => r.name.includes(label)).reduce((sum, r) => sum + r.perSecond, 0) / rounds;
    const without = total('without');
    const withLimits = total('with limits');
    console.log(
      `\nmean throughput: without ${without.toFixed(0)} req/s, with ${withLimits.toFixed(0)} req/s: ${(((without - withLimits) / without) * 100).toFixed(1)}% cost`,
    );
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const [openMedian, limitedMedian] = [median(latencies.open), median(latencies.limited)];
    const [openMean, limitedMean] = [mean(latencies.open), mean(latencies.limited)];
    console.log(
      `interleaved, ${requests} requests each: median ${openMedian.toFixed(1)} ms without, ${limitedMedian.toFixed(1)} ms with ` +
        `(${(((limitedMedian - openMedian) / openMedian) * 100).toFixed(1)}%); mean ${openMean.toFixed(1)} ms without, ` +
        `${limitedMean.toFixed(1)} ms with (${(((limitedMean - openMean) / openMean) * 100).toFixed(1)}%)`,
    );
  } finally {
    await limited.close();
    await open.close();
    await store.close();
    await subgraphs.close();
  }
}
