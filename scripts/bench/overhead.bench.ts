import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { createLogger } from '#platform/runtime';
import { createGatewayServer } from '../../gateway/src/server';
import { loadSupergraph } from '../../gateway/src/supergraph';
import { startInProcessSubgraphs } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { seedDemoBusiness } from '../lib/seed-demo';
import { BENCH_JWT_SECRET } from './bench-auth';

/** Queries that one subgraph answers whole: the gateway plans one fetch for each. */
const QUERIES = [
  { subgraph: 'inventory', name: 'locations', query: '{ locations(first: 10) { nodes { id name type } } }' },
  { subgraph: 'products', name: 'products', query: '{ products(first: 5, filter: { channel: WEB }) { nodes { id title handle } } }' },
];

/**
 * What the gateway adds to a query one subgraph answers: the same document sent straight to the
 * subgraph (with the gateway's secret, as the gateway calls it) and through the gateway (as
 * `npm start` runs it: limits and cost on, no response cache, so every request is planned and
 * forwarded), one request at a time, alternating request by request so both see the same moment's
 * load. Prints each way's p50 and the difference, and the CPU per request of this process (client,
 * gateway and subgraphs all run in it, so the difference is the gateway's share). BENCH_REQUESTS
 * per way and query, default 1,000.
 */
export async function overheadBench(databaseUrl: string): Promise<void> {
  const requests = Number(process.env.BENCH_REQUESTS ?? 1_000);
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {});
  const logger = createLogger('bench', 'silent');
  const [jwtSecret, gatewaySecret] = [BENCH_JWT_SECRET, randomBytes(24).toString('hex')];
  const subgraphs = await startInProcessSubgraphs({ databaseUrl, jwtSecret, gatewaySecret, logger });
  const gateway = await createGatewayServer({
    supergraph: await loadSupergraph(),
    subgraphUrls: subgraphs.urls,
    timeoutMs: 10_000,
    logger,
    landingPage: false,
    jwtSecret,
    gatewaySecret,
  });
  try {
    const gatewayUrl = `${await gateway.listen(0)}/graphql`;
    console.log(`\ngateway overhead: a one-subgraph query, one request at a time, ${requests} each way, alternating`);
    console.log(
      `${'query'.padEnd(12)} ${'direct p50'.padStart(11)} ${'gateway p50'.padStart(12)} ${'adds'.padStart(8)}   CPU per request: direct, gateway, adds`,
    );
    for (const { subgraph, name, query } of QUERIES) {
      const body = JSON.stringify({ query });
      const direct = { url: subgraphs.urls[subgraph], headers: { 'content-type': 'application/json', 'x-gateway-secret': gatewaySecret } };
      const through = { url: gatewayUrl, headers: { 'content-type': 'application/json' } };
      const post = async (to: { url: string; headers: Record<string, string> }) => {
        const answer = await request(to.url, { method: 'POST', headers: to.headers, body });
        const text = await answer.body.text();
        if (answer.statusCode !== 200 || text.includes('"errors"'))
          throw new Error(`${to.url} answered ${answer.statusCode}: ${text.slice(0, 300)}`);
        return text;
      };
      // The same answer both ways, then a warm-up (plans cached, connections open, code optimised).
      const [straight, forwarded] = [await post(direct), await post(through)];
      if (JSON.stringify(JSON.parse(straight).data) !== JSON.stringify(JSON.parse(forwarded).data)) {
        throw new Error(`${name}: the gateway and ${subgraph} answer differently:\n${straight}\n${forwarded}`);
      }
      for (let i = 0; i < 200; i++) await post(i % 2 ? direct : through);
      const walls = { direct: [] as number[], gateway: [] as number[] };
      const cpu = { direct: 0, gateway: 0 };
      for (let i = 0; i < requests * 2; i++) {
        const way = i % 2 === 0 ? 'direct' : 'gateway';
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        await post(way === 'direct' ? direct : through);
        walls[way].push(performance.now() - started);
        const used = process.cpuUsage(cpuBefore);
        cpu[way] += (used.user + used.system) / 1000;
      }
      const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const [directP50, gatewayP50] = [p50(walls.direct), p50(walls.gateway)];
      const [directCpu, gatewayCpu] = [cpu.direct / requests, cpu.gateway / requests];
      console.log(
        `${name.padEnd(12)} ${`${directP50.toFixed(2)} ms`.padStart(11)} ${`${gatewayP50.toFixed(2)} ms`.padStart(12)} ${`${(gatewayP50 - directP50).toFixed(2)} ms`.padStart(8)}   ` +
          `${directCpu.toFixed(2)}, ${gatewayCpu.toFixed(2)}, ${(gatewayCpu - directCpu).toFixed(2)} ms`,
      );
    }
  } finally {
    await gateway.close();
    await subgraphs.close();
  }
}
