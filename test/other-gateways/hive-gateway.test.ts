import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerOptions } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import ts from 'typescript';
import { WebSocketServer } from 'ws';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { ADJUST_STOCK, LOCATIONS, SIGN_IN, SIGN_UP } from '../support/documents';
import { gqlData } from '../support/graphql-client';
import { subscribeLive } from '../support/live';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { asAdmin } from '../support/tokens';

/**
 * Hive Gateway, configured as the README tells a team to, in front of our five subgraphs:
 * queries, a signed-in caller, and live stock forwarded to the inventory subgraph's own
 * subscriptions. The configuration is read from the README, so the two cannot drift apart.
 */

type GatewayConfig = Record<string, unknown>;
interface HiveRuntime {
  (req: IncomingMessage, res: ServerResponse): void;
  graphqlEndpoint: string;
  fetchAPI: { Request: typeof Request };
  [Symbol.asyncDispose](): Promise<void>;
}
interface HiveGatewayModule {
  createGatewayRuntime: (config: GatewayConfig) => HiveRuntime;
  getGraphQLWSOptions: (
    runtime: HiveRuntime,
    onContext: (ctx: { extra: Extra }) => Record<string, unknown>,
  ) => ServerOptions<Record<string, unknown>, Extra>;
}
// Loaded untyped: its declarations retype the global fetch and GraphQLError for every file the type check sees.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createGatewayRuntime, getGraphQLWSOptions } = require('@graphql-hive/gateway') as HiveGatewayModule;

/** The README's `gateway.config.ts`, compiled and run with the environment the README's command gives it. */
function readmeGatewayConfig(): GatewayConfig {
  const readme = readFileSync('README.md', 'utf8');
  const source = /```ts\n(\/\/ gateway\.config\.ts\n[\s\S]*?)```/.exec(readme)?.[1];
  if (!source) throw new Error('README.md has no gateway.config.ts block');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exported = { exports: {} as { gatewayConfig?: GatewayConfig } };
  // Run as the CLI runs gateway.config.ts: the README's own code, compiled to CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('require', 'module', 'exports', outputText)(require, exported, exported.exports);
  if (!exported.exports.gatewayConfig) throw new Error('the README config exports no gatewayConfig');
  return exported.exports.gatewayConfig;
}

let system: SupergraphHarness;
let hive: { url: string; wsUrl: string; close(): Promise<void> };
const saved = { ...process.env };

/** Serves a Hive Gateway runtime as its CLI does on Node: node:http for HTTP, graphql-ws on the same path. */
async function serveHive(config: GatewayConfig): Promise<typeof hive> {
  const runtime = createGatewayRuntime({ ...config, logging: false });
  const server: Server = createServer(runtime);
  const wss = new WebSocketServer({ server, path: runtime.graphqlEndpoint });
  const toRequest = (req: IncomingMessage) =>
    new runtime.fetchAPI.Request(`http://127.0.0.1${req.url ?? '/graphql'}`, {
      headers: Object.entries(req.headers).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value] as [string, string]],
      ),
    });
  const ws = useServer(
    getGraphQLWSOptions(runtime, (ctx) => ({ req: ctx.extra.request, socket: ctx.extra.socket, request: toRequest(ctx.extra.request) })),
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    close: async () => {
      await ws.dispose();
      await runtime[Symbol.asyncDispose]();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

beforeAll(async () => {
  system = await startSupergraph();
  // What `GATEWAY_SECRET="$(cat .data/gateway-secret)"` and the `<NAME>_URL`s give the README's config.
  process.env.GATEWAY_SECRET = system.gatewaySecret;
  for (const [name, url] of Object.entries(system.urls)) process.env[`${name.toUpperCase()}_URL`] = url;
  hive = await serveHive(readmeGatewayConfig());
});

afterAll(async () => {
  await hive?.close();
  await system?.close();
  process.env = saved;
});

it('answers a catalog query across products and inventory', async () => {
  const data = await gqlData<{
    products: {
      nodes: {
        id: string;
        title: string;
        variants: { nodes: { id: string; sku: string; inventory: { id: string; available: number } | null }[] };
      }[];
    };
  }>(
    hive.url,
    `query Catalog { products(first: 3) { nodes { id title variants(first: 2) { nodes { id sku inventory { id available } } } } } }`,
  );
  expect(data.products.nodes).toHaveLength(3);
  const variant = data.products.nodes[0].variants.nodes[0];
  expect(variant.id).toMatch(/^gid:\/\/commerce\/ProductVariant\//);
  expect(variant.inventory).toEqual({ id: expect.any(String), available: expect.any(Number) });
});

it('signs a customer up and in, then answers `me` with their token', async () => {
  const email = `hive-${Date.now()}@example.com`;
  const headers = { 'x-forwarded-for': '203.0.113.7' };
  const signUp = await gqlData(hive.url, SIGN_UP, { input: { email, password: 'correct-horse-42', firstName: 'Ada' } }, headers);
  expect(signUp.customerCreate.userErrors).toEqual([]);
  const signIn = await gqlData(hive.url, SIGN_IN, { input: { email, password: 'correct-horse-42' } }, headers);
  const token = signIn.customerAccessTokenCreate.accessToken?.token;
  expect(token).toBeTruthy();
  const me = await gqlData<{ me: { id: string; email: string } | null }>(
    hive.url,
    `query Me { me { id email } }`,
    {},
    {
      ...headers,
      authorization: `Bearer ${token}`,
    },
  );
  expect(me.me).toEqual({ id: expect.stringMatching(/^gid:\/\/commerce\/Customer\//), email });
});

it("passes the client's address on: sign-in attempts are counted per x-forwarded-for, not per gateway", async () => {
  const email = `hive-guess-${Date.now()}@example.com`;
  const password = 'correct-horse-42';
  const guesser = { 'x-forwarded-for': '203.0.113.8' };
  expect((await gqlData(hive.url, SIGN_UP, { input: { email, password } }, guesser)).customerCreate.userErrors).toEqual([]);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const wrong = await gqlData(hive.url, SIGN_IN, { input: { email, password: `wrong-${attempt}` } }, guesser);
    expect(wrong.customerAccessTokenCreate.userErrors.map((e) => e.code)).not.toContain('THROTTLED');
  }
  const refused = await gqlData(hive.url, SIGN_IN, { input: { email, password } }, guesser);
  expect(refused.customerAccessTokenCreate.userErrors.map((e) => e.code)).toEqual(['THROTTLED']);
  const owner = await gqlData(hive.url, SIGN_IN, { input: { email, password } }, { 'x-forwarded-for': '198.51.100.4' });
  expect(owner.customerAccessTokenCreate.accessToken?.token).toBeTruthy();
});

it('forwards stockChanged to the inventory subgraph: a snapshot, the change a mutation made with the catalog title, and a resume with since', async () => {
  const admin = await asAdmin();
  const { locations } = await gqlData(hive.url, LOCATIONS, {}, admin);
  const berlin = locations.nodes.find((l) => l.name === 'Velocity Cycles Berlin Mitte')!.id;
  const sku = demoSkus()[0];
  type Item = {
    kind: string;
    sku: string;
    available: number;
    version: number;
    levelId: string;
    level: { id: string; available: number } | null;
    location: { id: string; name: string };
    variant: { sku: string; title: string } | null;
  };
  const sub = subscribeLive<Item>(
    hive.wsUrl,
    `subscription Shelf($skus: [String!], $store: ID!) { stockChanged(skus: $skus, locationIds: [$store]) {
      kind sku available version levelId level { id available } location { id name } variant { sku title } } }`,
    { skus: [sku], store: berlin },
    { authorization: admin.authorization },
  );
  try {
    const [snapshot] = await sub.waitFor((items) => items.length >= 1);
    expect(snapshot).toMatchObject({ kind: 'SNAPSHOT', sku, location: { id: berlin, name: 'Velocity Cycles Berlin Mitte' } });
    expect(snapshot.level?.id).toBe(snapshot.levelId);
    expect(snapshot.variant?.title).toEqual(expect.any(String));
    const adjusted = await gqlData(hive.url, ADJUST_STOCK, { input: { sku, locationId: berlin, delta: 3, reason: 'RECEIVED' } }, admin);
    expect(adjusted.inventoryAdjust.userErrors).toEqual([]);
    const items = await sub.waitFor((received) => received.some((item) => item.kind === 'CHANGE'));
    const change = items.find((item) => item.kind === 'CHANGE')!;
    expect(change).toMatchObject({ sku, available: snapshot.available + 3, version: snapshot.version + 1 });
    expect(change.level).toEqual({ id: snapshot.levelId, available: snapshot.available + 3 });
    expect(change.variant).toEqual(snapshot.variant);
    expect(sub.errors).toEqual([]);

    // A client that saw only the snapshot resumes with `since`: the change it missed is replayed, not snapshotted.
    const resumed = subscribeLive<Item>(
      hive.wsUrl,
      `subscription Resume($skus: [String!], $store: ID!, $since: [StockCursorInput!]) {
        stockChanged(skus: $skus, locationIds: [$store], since: $since) { kind sku available version } }`,
      { skus: [sku], store: berlin, since: [{ sku, locationId: berlin, version: snapshot.version }] },
      { authorization: admin.authorization },
    );
    try {
      const [replayed] = await resumed.waitFor((received) => received.length >= 1);
      expect(replayed).toEqual({ kind: 'CHANGE', sku, available: change.available, version: change.version });
    } finally {
      await resumed.dispose();
    }
  } finally {
    await sub.dispose();
  }
});

it("keeps the inventory subgraph's socket closed to callers without the gateway secret or with a forged token", async () => {
  const inventoryWs = system.urls.inventory.replace(/^http/, 'ws');
  const query = `subscription { stockChanged(skus: ["${demoSkus()[0]}"]) { sku } }`;
  const noSecret = subscribeLive(inventoryWs, query);
  const forged = subscribeLive(
    inventoryWs,
    query,
    {},
    { 'x-gateway-secret': system.gatewaySecret, authorization: 'Bearer forged.token.here' },
  );
  expect(await noSecret.closeCode()).toBe(4403);
  expect(await forged.closeCode()).toBe(4403);
  expect([...noSecret.items, ...forged.items]).toEqual([]);
});
