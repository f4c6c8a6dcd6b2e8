import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { startInProcessSystem } from '../lib/in-process-system';
import { migrateAll } from '../lib/migrate-all';
import { seedDemoBusiness } from '../lib/seed-demo';
import { BENCH_JWT_SECRET } from './bench-auth';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { CART_PAGE, PRODUCT_LIST_PAGE, PRODUCT_PAGE } from './storefront-pages';

interface SubgraphCall {
  subgraph: string;
  url: string;
  headers: Headers;
  body: string;
}

/**
 * What each subgraph costs a storefront page. The page goes through the gateway once while the
 * calls it makes to each subgraph are recorded; then each subgraph's calls are replayed against
 * it, one at a time, BENCH_STOREFRONT_REPLAYS times (default 300), and this process's CPU time is
 * divided by the replays. The subgraphs run in this process, so the figure includes the replaying
 * client's share (about the cost of a `{ __typename }` call, printed as the floor), and a subgraph
 * that asks others (orders pricing a cart) is charged for their work too.
 */
export async function storefrontBench(databaseUrl: string): Promise<void> {
  const replays = Number(process.env.BENCH_STOREFRONT_REPLAYS ?? 300);
  await migrateAll(databaseUrl, () => {});
  await seedDemoBusiness(databaseUrl, 'EUR', () => {});
  const system = await startInProcessSystem({ databaseUrl, jwtSecret: BENCH_JWT_SECRET, gatewaySecret: 'bench-gateway-secret' });
  try {
    const subgraphByUrl = new Map(Object.entries(system.urls).map(([name, url]) => [url, name]));
    const gatewayPost = (query: string, variables: Record<string, unknown>) =>
      fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    const { data } = (await (await gatewayPost('{ products(first: 1, filter: { channel: WEB }) { nodes { handle } } }', {})).json()) as {
      data: { products: { nodes: { handle: string }[] } };
    };
    const lines = demoSkus()
      .slice(0, 20)
      .map((sku, i) => ({ sku, quantity: 1 + (i % 3) }));
    const created = (await (
      await gatewayPost(`mutation($input: CartCreateInput!) { cartCreate(input: $input) { cart { id } userErrors { code } } }`, {
        input: { channel: 'WEB', lines, discountCodes: ['RIDE10'], buyerIdentity: { countryCode: 'DE' } },
      })
    ).json()) as { data: { cartCreate: { cart: { id: string } } } };
    const pages = [
      { name: 'product list page', query: PRODUCT_LIST_PAGE, variables: {} },
      { name: 'product page', query: PRODUCT_PAGE, variables: { handle: data.products.nodes[0].handle } },
      // The orders subgraph prices the cart afresh, asking products, inventory and promotions: its figure includes theirs.
      { name: 'cart page', query: CART_PAGE, variables: { id: created.data.cartCreate.cart.id } },
    ];
    console.log(`\nstorefront pages: CPU per page in each subgraph (${replays} replays of the calls the gateway made)`);
    for (const page of pages) {
      const calls = await recordSubgraphCalls(subgraphByUrl, async () => {
        const body = (await (await gatewayPost(page.query, page.variables)).json()) as { errors?: unknown };
        if (body.errors) throw new Error(`${page.name}: ${JSON.stringify(body.errors)}`);
      });
      for (const [subgraph, group] of groupBy(calls, (call) => call.subgraph)) {
        const floor = await cpuPerReplay([{ ...group[0], body: JSON.stringify({ query: '{ __typename }' }) }], replays);
        const cost = await profiled(`${page.name}-${subgraph}`, () => cpuPerReplay(group, replays));
        console.log(
          `  ${page.name.padEnd(18)} ${subgraph.padEnd(10)} ${group.length} call(s): CPU ${cost.cpuMs.toFixed(2)} ms/page, wall p50 ${cost.p50Ms.toFixed(2)} ms (floor: { __typename } ${floor.cpuMs.toFixed(2)} ms)`,
        );
      }
    }
  } finally {
    await system.close();
  }
}

/** With BENCH_STOREFRONT_PROFILE=<dir>, writes a CPU profile of `work` there (open it in Chrome's DevTools). */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_STOREFRONT_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(`${dir}/${name.replace(/\W+/g, '-')}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * Runs `work` with every undici call from this process recorded (the gateway calls subgraphs with
 * undici's `request`; the global fetch goes through the same dispatcher) and returns the calls to
 * a known subgraph URL.
 */
async function recordSubgraphCalls(subgraphByUrl: Map<string, string>, work: () => Promise<void>): Promise<SubgraphCall[]> {
  const calls: SubgraphCall[] = [];
  const realDispatcher = getGlobalDispatcher();
  const recorder = new (class extends Agent {
    override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
      const url = `${String(options.origin)}${options.path}`;
      const subgraph = subgraphByUrl.get(url);
      const headers = headersOf(options.headers);
      // The gateway's calls only (it names the client's address); a subgraph's calls to another are part of its cost.
      if (subgraph && typeof options.body === 'string' && headers.has('x-forwarded-for'))
        calls.push({ subgraph, url, headers, body: options.body });
      return super.dispatch(options, handler);
    }
  })();
  setGlobalDispatcher(recorder);
  try {
    await work();
  } finally {
    setGlobalDispatcher(realDispatcher);
    await recorder.close();
  }
  if (calls.length === 0) throw new Error('no call from the gateway to a subgraph was recorded');
  return calls;
}

/** A dispatch's headers, which undici takes as an object, a flat [name, value, …] list or pairs. */
function headersOf(raw: Dispatcher.DispatchOptions['headers']): Headers {
  const headers = new Headers();
  if (!raw) return headers;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(String(raw[i]), String(raw[i + 1]));
    return headers;
  }
  for (const [name, value] of Object.entries(raw as Record<string, string | string[] | undefined>)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Sends the calls in turn `replays` times after a warm-up: CPU of this process and wall time per round. */
async function cpuPerReplay(calls: SubgraphCall[], replays: number): Promise<{ cpuMs: number; p50Ms: number }> {
  const round = async () => {
    for (const call of calls) {
      const response = await fetch(call.url, { method: 'POST', headers: call.headers, body: call.body });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) throw new Error(`${call.subgraph} refused a replay: ${text.slice(0, 500)}`);
    }
  };
  for (let i = 0; i < 30; i++) await round();
  const walls: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < replays; i++) {
    const started = performance.now();
    await round();
    walls.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  walls.sort((a, b) => a - b);
  return { cpuMs: (used.user + used.system) / 1000 / replays, p50Ms: walls[Math.floor(walls.length / 2)] };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
