import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { defaultSupergraphPath } from '../../gateway/src/supergraph';
import { freePort } from '../lib/free-port';
import { migrateAll } from '../lib/migrate-all';
import { repoRoot } from '../lib/paths';
import { seedDemoBusiness } from '../lib/seed-demo';
import { subgraphs } from '../lib/subgraphs';
import { Supervisor } from '../lib/supervisor';
import { processCpuMs, startBenchChild, type BenchChild } from './child-process';
import type { GatewayKind } from './gateway-process';
import { measureFor, type LoadResult } from './measure';
import { PRODUCT_LIST_PAGE, PRODUCT_PAGE } from './storefront-pages';

const CONNECTIONS = 20;

interface Page {
  name: string;
  body: string;
}

interface Round extends LoadResult {
  kind: GatewayKind;
  errors: number;
  /** CPU ms per request of the gateway, products and inventory processes during the round. */
  cpu: Record<'gateway' | 'products' | 'inventory', number>;
}

/** POSTs a page's query; the parsed body, or an error naming what came back instead of data. */
async function post(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (!response.ok || parsed.errors || !parsed.data) throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  return parsed.data;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Our gateway against a plain @apollo/gateway and Hive Gateway, each in a process of its own
 * over the same five subgraph processes and the demo shop: the storefront's product list page
 * and product page from 20 connections, in alternating rounds (the order rotating each round)
 * so drift in the machine's load reaches every gateway alike. Every gateway's answer is
 * compared before anything is measured. Ours runs with its response cache (`ours`) and without
 * (`ours-uncached`): every connection asks for the same anonymous page and nothing changes the
 * catalog meanwhile, so the cache answers nearly every request, and the uncached figure is the
 * one that shows what planning and subgraph calls cost. BENCH_GATEWAY_SECONDS (per gateway per
 * round, default 2) and BENCH_GATEWAY_ROUNDS (default 5); BENCH_GATEWAY_UNSHARED=1 adds our
 * gateway with neither the cache nor shared subgraph fetches.
 */
export async function gatewayBench(databaseUrl: string): Promise<void> {
  const seconds = Number(process.env.BENCH_GATEWAY_SECONDS ?? 2);
  const rounds = Number(process.env.BENCH_GATEWAY_ROUNDS ?? 5);
  const kinds: GatewayKind[] = ['ours', 'ours-uncached', 'apollo', 'hive'];
  if (process.env.BENCH_GATEWAY_UNSHARED === '1') kinds.splice(2, 0, 'ours-unshared');
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {}, { orderHistory: 0 });

  const secrets = { JWT_SECRET: randomBytes(32).toString('hex'), GATEWAY_SECRET: randomBytes(24).toString('hex') };
  const ports = Object.fromEntries(await Promise.all(subgraphs.map(async (s) => [s.name, await freePort()] as const)));
  const urls = Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s.name]}/graphql`]));
  const env = { ...process.env, ...urls, ...secrets, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const supervisor = new Supervisor((line) => console.log(line));
  const gateways = new Map<GatewayKind, BenchChild & { url: string }>();
  try {
    await Promise.all(
      subgraphs.map((s) =>
        supervisor.start({
          name: s.name,
          script: join(repoRoot, 'dist', 'subgraphs', s.name, 'src', 'index.js'),
          env: { ...env, [`${s.name.toUpperCase()}_PORT`]: String(ports[s.name]) },
          readyUrl: `http://127.0.0.1:${ports[s.name]}/health/ready`,
        }),
      ),
    );
    for (const kind of kinds) {
      const port = await freePort();
      const child = await startBenchChild(
        kind,
        join(repoRoot, 'dist', 'scripts', 'bench', 'gateway-process.js'),
        [kind],
        { ...env, PORT: String(port), SUPERGRAPH_PATH: defaultSupergraphPath() },
        /^ready$/m,
      );
      gateways.set(kind, { ...child, url: `http://127.0.0.1:${port}/graphql` });
    }
    const pid = (name: string) => supervisor.processOf(name)?.pid as number;

    // The product page shows the list's first product, as the storefront bench does.
    const list = (await post(gateways.get('ours')!.url, JSON.stringify({ query: PRODUCT_LIST_PAGE }))) as {
      products: { nodes: { handle: string }[] };
    };
    const handle = list.products.nodes[0].handle;
    const pages: Page[] = [
      { name: 'product list page (24 products, 5 variants each)', body: JSON.stringify({ query: PRODUCT_LIST_PAGE }) },
      {
        name: `product page (${handle}, stock levels, 3 stores near)`,
        body: JSON.stringify({ query: PRODUCT_PAGE, variables: { handle } }),
      },
    ];

    // Correctness first: every gateway answers every page exactly as ours does.
    for (const page of pages) {
      const expected = await post(gateways.get('ours')!.url, page.body);
      for (const [kind, gateway] of gateways) {
        const actual = await post(gateway.url, page.body);
        if (!isDeepStrictEqual(actual, expected)) {
          throw new Error(
            `${kind} answers the ${page.name} differently from ours:\n${JSON.stringify(actual).slice(0, 800)}\n---\n${JSON.stringify(expected).slice(0, 800)}`,
          );
        }
      }
    }
    console.log(`\ngateway: the ${kinds.length} gateways answer both pages identically`);

    for (const page of pages) {
      /** One gateway under load for a while: its figures, and the CPU it and the two subgraphs spent per request. */
      const load = async (kind: GatewayKind, name: string, forSeconds: number): Promise<Round> => {
        const gateway = gateways.get(kind)!;
        const watched = { gateway: gateway.pid, products: pid('products'), inventory: pid('inventory') };
        const before = {
          gateway: processCpuMs(watched.gateway),
          products: processCpuMs(watched.products),
          inventory: processCpuMs(watched.inventory),
        };
        let errors = 0;
        const result = await measureFor(name, forSeconds, CONNECTIONS, () =>
          post(gateway.url, page.body).then(
            () => {},
            () => void (errors += 1),
          ),
        );
        const perRequest = (key: keyof typeof watched) => (processCpuMs(watched[key]) - before[key]) / result.requests;
        return {
          ...result,
          kind,
          errors,
          cpu: { gateway: perRequest('gateway'), products: perRequest('products'), inventory: perRequest('inventory') },
        };
      };
      for (const kind of kinds) await load(kind, 'warm-up', 1);
      const results: Round[] = [];
      for (let round = 0; round < rounds; round++) {
        // Rotate who goes first, so no gateway always meets the machine right after the same neighbour.
        const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]);
        for (const kind of order) results.push(await load(kind, `round ${round + 1}: ${kind}`, seconds));
      }
      printPage(page.name, kinds, results, rounds, seconds);
    }
  } finally {
    for (const gateway of gateways.values()) await gateway.stop();
    await supervisor.stopAll();
  }
}

function printPage(name: string, kinds: GatewayKind[], results: Round[], rounds: number, seconds: number): void {
  const cell = (value: number | string, width: number, digits = 1) =>
    (typeof value === 'number' ? value.toFixed(digits) : value).padStart(width);
  console.log(`\n${name}: ${CONNECTIONS} connections, ${rounds} rounds of ${seconds} s per gateway, medians of the rounds`);
  console.log(
    `${'gateway'.padEnd(14)}${cell('req/s', 8)}${cell('p50 ms', 9)}${cell('p99 ms', 9)}${cell('errors', 8)}` +
      `${cell('CPU ms/req: gateway', 21)}${cell('products', 10)}${cell('inventory', 11)}   req/s per round`,
  );
  const perSecond = new Map<GatewayKind, number>();
  for (const kind of kinds) {
    const mine = results.filter((r) => r.kind === kind);
    const of = (read: (r: Round) => number) => median(mine.map(read));
    perSecond.set(
      kind,
      of((r) => r.perSecond),
    );
    const errors = mine.reduce((sum, r) => sum + r.errors, 0);
    console.log(
      `${kind.padEnd(14)}${cell(
        of((r) => r.perSecond),
        8,
      )}${cell(
        of((r) => r.p50),
        9,
      )}${cell(
        of((r) => r.p99),
        9,
      )}${cell(String(errors), 8)}` +
        `${cell(
          of((r) => r.cpu.gateway),
          21,
          2,
        )}${cell(
          of((r) => r.cpu.products),
          10,
          2,
        )}${cell(
          of((r) => r.cpu.inventory),
          11,
          2,
        )}` +
        `   ${mine.map((r) => r.perSecond.toFixed(0)).join(' ')}`,
    );
  }
  const ratio = (of: GatewayKind, to: GatewayKind) => `${of}/${to} ${((perSecond.get(of) ?? 0) / (perSecond.get(to) ?? 1)).toFixed(2)}×`;
  const others = kinds.filter((k) => !k.startsWith('ours'));
  console.log(
    `throughput ratio: ${kinds
      .filter((k) => k !== 'ours')
      .map((k) => ratio('ours', k))
      .join(', ')}`,
  );
  console.log(`without the response cache: ${others.map((k) => ratio('ours-uncached', k)).join(', ')}`);
}
