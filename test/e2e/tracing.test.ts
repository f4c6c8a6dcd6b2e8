import { createServer, type Server } from 'node:http';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * Traces across processes, as an operator's collector receives them: `npm start` with an OTLP
 * endpoint set, a tiny HTTP server in its place receiving OTLP/HTTP JSON, and one storefront
 * query whose trace spans the gateway and the products subgraph. Processes, not this one: the
 * instrumentations hook `require`, which jest's module loader bypasses.
 */
interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: { stringValue?: string } }[];
}
interface ExportRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: Span[] }[];
  }[];
}

const SERVER_KIND = 2;
const received: { service: string; span: Span }[] = [];
const contentTypes = new Set<string>();
let collector: Server;
let db: TestDatabase;
let dataDir: string;
let system: RunningSystem;

beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      contentTypes.add(`${req.method} ${req.url} ${req.headers['content-type']}`);
      if (req.url === '/v1/traces') {
        for (const { resource, scopeSpans } of (JSON.parse(body) as ExportRequest).resourceSpans) {
          const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const { spans } of scopeSpans) for (const span of spans) received.push({ service, span });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  db = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'commerce-tracing-'));
  await chmod(dataDir, 0o755);
  system = await startSystem({
    DATA_DIR: dataDir,
    DEMO_ORDER_HISTORY: '0',
    DATABASE_URL: db.url,
    // Each subgraph in its own process, so each reports under its own service name.
    SUBGRAPH_LAYOUT: 'apart',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    // Send batches every 200 ms instead of 5 s, so the test need not wait long.
    OTEL_BSP_SCHEDULE_DELAY: '200',
  });
}, 180_000);
afterAll(async () => {
  await system?.stop();
  await new Promise((resolve) => collector?.close(resolve));
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

async function eventually<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 150; i += 1) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never received ${what}; got spans of ${[...new Set(received.map((r) => r.service))].join(', ')}`);
}

it('exports one trace spanning the gateway and the products subgraph, joined by traceparent', async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const response = await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    body: JSON.stringify({ query: '{ products(first: 2) { nodes { title } } }' }),
  });
  expect(((await response.json()) as { data: { products: { nodes: unknown[] } } }).data.products.nodes).toHaveLength(2);

  // The client's trace id is kept: the gateway's server span continues the caller's trace.
  const gatewayServer = await eventually(
    () => received.find((r) => r.service === 'gateway' && r.span.traceId === traceId && r.span.kind === SERVER_KIND),
    "the gateway's server span",
  );
  expect(gatewayServer.span.parentSpanId).toBe('00f067aa0ba902b7');
  // The products subgraph's server span is in the same trace, the child of a gateway span (its fetch).
  const productsServer = await eventually(
    () => received.find((r) => r.service === 'products' && r.span.traceId === traceId && r.span.kind === SERVER_KIND),
    "the products subgraph's server span",
  );
  const gatewaySpanIds = new Set(received.filter((r) => r.service === 'gateway' && r.span.traceId === traceId).map((r) => r.span.spanId));
  expect(gatewaySpanIds.has(productsServer.span.parentSpanId ?? '')).toBe(true);
  // Below it, the subgraph's GraphQL execution and its SQL, in the same trace.
  await eventually(
    () => received.find((r) => r.service === 'products' && r.span.traceId === traceId && /^pg\.query|^SELECT|select/i.test(r.span.name)),
    'a SQL span from products',
  );
  await eventually(
    () => received.find((r) => r.service === 'products' && r.span.traceId === traceId && r.span.name.startsWith('graphql.')),
    'a GraphQL span from products',
  );
  expect([...contentTypes]).toContain('POST /v1/traces application/json');
}, 60_000);

it('sends no spans for health checks and scrapes', async () => {
  await fetch(system.gatewayUrl.replace('/graphql', '/health/ready'));
  await fetch(system.gatewayUrl.replace('/graphql', '/metrics'));
  // A later query's spans arrive after any the probes would have made.
  const traceId = 'aaaabbbbccccddddeeeeffff00001111';
  await fetch(system.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    body: JSON.stringify({ query: '{ products(first: 1) { nodes { title } } }' }),
  });
  await eventually(() => received.find((r) => r.service === 'gateway' && r.span.traceId === traceId), 'the later query');
  const requestPath = (span: Span) =>
    span.attributes?.find((a) => ['url.path', 'http.target', 'http.route'].includes(a.key))?.value.stringValue ?? '';
  const probes = received.filter((r) => /^\/(health\/|metrics)/.test(requestPath(r.span)));
  expect(probes).toEqual([]);
}, 60_000);
