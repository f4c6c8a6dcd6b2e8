import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceCredentials } from '#platform/auth';
import { InternalClient } from '#platform/internal';
import { createLogger } from '#platform/runtime';
import { VariantsForPricing } from '#contracts/products';
import { callSubgraph } from '../../gateway/src/subgraph-call';
import { startInProcessSubgraphs } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { BENCH_JWT_SECRET } from './bench-auth';

const CALLS = 2_000;
const WARM_UP = 300;

/**
 * What one call costs in CPU, caller and callee in this one process, three rounds of BENCH_CALLS
 * calls (default 2,000) each after a warm-up. First a gateway → subgraph call to a trivial
 * server: fetch with its WHATWG Response, against undici's request read whole into the gateway's
 * plain answer (`callSubgraph`); the server's share is the same for both, so the difference is
 * the client's. Then a real internal call between subgraphs (orders asking products'
 * `VariantsForPricing` for two SKUs, a SQL statement each), over HTTP and in-process, as the
 * five subgraphs call one another when `npm start` runs them together.
 */
export async function callsBench(databaseUrl: string): Promise<void> {
  await gatewayCalls();
  await internalCalls(databaseUrl);
}

async function rounds(title: string, ways: [string, () => Promise<unknown>][]): Promise<void> {
  const calls = Number(process.env.BENCH_CALLS ?? CALLS);
  console.log(`\n${title} (${calls} calls a round)`);
  for (let round = 1; round <= 3; round += 1) {
    for (const [name, call] of ways) {
      for (let i = 0; i < WARM_UP; i += 1) await call();
      const from = process.cpuUsage();
      for (let i = 0; i < calls; i += 1) await call();
      const used = process.cpuUsage(from);
      console.log(`round ${round}  ${name.padEnd(46)} ${((used.user + used.system) / 1000 / calls).toFixed(3)} ms`);
    }
  }
}

async function internalCalls(databaseUrl: string): Promise<void> {
  await migrateAll(databaseUrl, () => {});
  const system = await startInProcessSubgraphs({ databaseUrl, jwtSecret: BENCH_JWT_SECRET, gatewaySecret: 'bench-gateway-secret' });
  const credentials = new ServiceCredentials('orders', BENCH_JWT_SECRET, 'bench-gateway-secret');
  const logger = createLogger('bench', 'silent');
  const client = (inProcess: boolean) =>
    new InternalClient({ subgraph: 'products', url: system.urls.products, credentials, logger, inProcess });
  const variables = { skus: ['BENCH-1', 'BENCH-2'], channel: null };
  const ask = (c: InternalClient) => async () => {
    const result = await c.call({}, VariantsForPricing, variables);
    if (!result.ok) throw new Error(`VariantsForPricing: ${result.reason}`);
  };
  try {
    await rounds('CPU per internal call between two subgraphs in this process, both sides', [
      ['over HTTP (undici request, express, JSON)', ask(client(false))],
      ['in-process (same checks, no socket)', ask(client(true))],
    ]);
  } finally {
    await system.close();
  }
}

async function gatewayCalls(): Promise<void> {
  const nodes = Array.from({ length: 24 }, (_, i) => ({ id: `gid://commerce/Product/${i}`, title: `Product ${i}` }));
  const answer = JSON.stringify({ data: { products: { nodes } } });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: JSON.stringify({ query: '{ products(first: 24) { nodes { id title } } }', variables: {} }),
  };
  const ways: [string, () => Promise<unknown>][] = [
    ['fetch and Response', async () => (await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })).json()],
    [
      'undici request, plain answer (the gateway)',
      async () => JSON.parse((await callSubgraph(url, init.headers, init.body, 10_000)).body) as unknown,
    ],
  ];
  try {
    await rounds('CPU per gateway → subgraph call, client and a trivial server in one process', ways);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
