import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callSubgraph } from '../../gateway/src/subgraph-call';

const CALLS = 2_000;
const WARM_UP = 300;

/**
 * What one gateway → subgraph call costs in CPU, client and a trivial server in this one
 * process: fetch with its WHATWG Response, against undici's request read whole into the gateway's
 * plain answer (`callSubgraph`). The server's share is the same for both, so the difference is
 * the client's. Three rounds of BENCH_CALLS calls (default 2,000) each, after a warm-up.
 */
export async function callsBench(): Promise<void> {
  const calls = Number(process.env.BENCH_CALLS ?? CALLS);
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
    console.log(`\nCPU per subgraph call, client and server in one process (${calls} calls a round)`);
    for (let round = 1; round <= 3; round += 1) {
      for (const [name, call] of ways) {
        for (let i = 0; i < WARM_UP; i += 1) await call();
        const from = process.cpuUsage();
        for (let i = 0; i < calls; i += 1) await call();
        const used = process.cpuUsage(from);
        console.log(`round ${round}  ${name.padEnd(46)} ${((used.user + used.system) / 1000 / calls).toFixed(3)} ms`);
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
