import { asAdmin, ANONYMOUS } from '../support/tokens';
import { startGateway, type GatewayHarness } from '../support/gateway';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { PostgresBucketStore, Throttle } from '../../gateway/src/throttle';

/**
 * What an anonymous outsider tried against the gateway, each refused before any subgraph is
 * called (counted at the subgraphs' HTTP servers, not timed), and nothing internal in any answer.
 */
let system: SupergraphHarness;
let production: GatewayHarness;
let subgraphRequests = 0;

beforeAll(async () => {
  system = await startSupergraph();
  for (const server of Object.values(system.servers)) server.httpServer.on('request', () => subgraphRequests++);
  production = await startGateway(system.urls, {
    gatewaySecret: system.gatewaySecret,
    production: true,
    corsOrigins: ['https://shop.example'],
  });
}, 120_000);
afterAll(async () => {
  await production?.close();
  await system?.close();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: {
    data?: Record<string, any> | null;
    errors?: { message: string; extensions?: Record<string, any> }[];
    extensions?: Record<string, any>;
  };
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}
const op = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
const codes = (answer: Answer) => answer.body.errors?.map((e) => e.extensions?.code);

/** Nothing a client should never see: SQL, hashes, URLs, file paths, stacks. */
function expectNothingInternal(answer: Answer) {
  expect(answer.text).not.toMatch(
    /select |insert into|update "|\$\d|scrypt|salt|password_hash|http:\/\/|127\.0\.0\.1|\/work\/|node_modules|at [\w.]+ \(|stacktrace/i,
  );
}

/** Runs `attempt` and answers how many requests reached any subgraph meanwhile. */
async function subgraphCallsDuring(attempt: () => Promise<Answer>): Promise<{ answer: Answer; calls: number }> {
  const before = subgraphRequests;
  const answer = await attempt();
  return { answer, calls: subgraphRequests - before };
}

function nested(levels: number): string {
  let selection = 'title';
  for (let i = 0; i < levels; i++) selection = `variants(first: 5) { nodes { product { ${selection} } } }`;
  return `{ products(first: 3) { nodes { ${selection} } } }`;
}

describe('limits before planning', () => {
  it('refuses the ten-level query with MAX_DEPTH_EXCEEDED, calling no subgraph', async () => {
    const { answer, calls } = await subgraphCallsDuring(() => post(system.gateway.url, op(nested(10))));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['MAX_DEPTH_EXCEEDED']);
    expect(calls).toBe(0);
  });

  it('refuses an alias flood with MAX_ALIASES_EXCEEDED, calling no subgraph', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: products(first: 1) { nodes { title } }`).join(' ');
    const { answer, calls } = await subgraphCallsDuring(() => post(system.gateway.url, op(`{ ${aliases} }`)));
    expect(codes(answer)).toEqual(['MAX_ALIASES_EXCEEDED']);
    expect(calls).toBe(0);
  });

  it('refuses a document of more than 2,000 tokens with MAX_TOKENS_EXCEEDED', async () => {
    const { answer, calls } = await subgraphCallsDuring(() =>
      post(system.gateway.url, op(`{ products(first: 1) { nodes { ${'title '.repeat(2_500)} } } }`)),
    );
    expect(codes(answer)).toEqual(['MAX_TOKENS_EXCEEDED']);
    expect(calls).toBe(0);
  });

  it('refuses too many directives with MAX_DIRECTIVES_EXCEEDED', async () => {
    const { answer } = await subgraphCallsDuring(() =>
      post(system.gateway.url, op(`{ products(first: 1) { nodes { ${'title @include(if: true) '.repeat(25)} } } }`)),
    );
    expect(codes(answer)).toEqual(['MAX_DIRECTIVES_EXCEEDED']);
  });

  it('refuses an operation costing more than 1,000 with MAX_COST_EXCEEDED, calling no subgraph', async () => {
    const { answer, calls } = await subgraphCallsDuring(() =>
      post(system.gateway.url, op('{ products(first: 250) { nodes { variants(first: 250) { nodes { sku } } } } }')),
    );
    expect(codes(answer)).toEqual(['MAX_COST_EXCEEDED']);
    expect(answer.body.errors?.[0].extensions?.cost).toEqual({ requestedQueryCost: 2 + 250 * (1 + 2 + 250), maximumCost: 1_000 });
    expect(calls).toBe(0);
  });

  it('counts variables in the cost: a page size given as a variable multiplies the same', async () => {
    const answer = await post(
      system.gateway.url,
      op('query($n: Int) { products(first: $n) { nodes { variants(first: $n) { nodes { sku } } } } }', { n: 100 }),
    );
    expect(codes(answer)).toEqual(['MAX_COST_EXCEEDED']);
  });

  it('costs a document asked again by its variables each time: a remembered cost never lets a bigger page through', async () => {
    const query = 'query($n: Int) { products(first: $n) { nodes { variants(first: $n) { nodes { sku } } } } }';
    const costOf = async (n: number) => {
      const answer = await post(system.gateway.url, op(query, { n }));
      return answer.body.errors ? codes(answer) : answer.body.extensions?.cost?.requestedQueryCost;
    };
    // 2 + n × (node 1 + variants (2 + n × node 1))
    expect(await costOf(10)).toBe(2 + 10 * (1 + 2 + 10));
    expect(await costOf(10)).toBe(2 + 10 * (1 + 2 + 10));
    expect(await costOf(100)).toEqual(['MAX_COST_EXCEEDED']);
    expect(await costOf(100)).toEqual(['MAX_COST_EXCEEDED']);
    expect(await costOf(3)).toBe(2 + 3 * (1 + 2 + 3));
    const tooLong = await post(system.gateway.url, op(query, { n: 251 }));
    expect(tooLong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('answers an ordinary storefront query with its cost in extensions.cost', async () => {
    const answer = await post(
      system.gateway.url,
      op('{ products(first: 10) { nodes { title variants(first: 5) { nodes { sku price { amount } } } } } }'),
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.products.nodes).toHaveLength(10);
    // 2 + 10 × (node 1 + variants (2 + 5 × (node 1 + price 1)))
    expect(answer.body.extensions?.cost).toEqual({
      requestedQueryCost: 2 + 10 * (1 + 2 + 5 * 2),
      actualQueryCost: null,
      throttleStatus: null,
    });
  });

  it('caps every input list and page at 250 with BAD_USER_INPUT naming the argument', async () => {
    const skus = Array.from({ length: 251 }, (_, i) => `SKU-${i}`);
    const { answer, calls } = await subgraphCallsDuring(() =>
      post(system.gateway.url, op('query($s: [String!]!) { inventoryLevels(skus: $s) { nodes { sku } } }', { s: skus })),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'skus' });
    expect(calls).toBe(0);
    const page = await post(system.gateway.url, op('{ products(first: 251) { nodes { title } } }'));
    expect(page.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });
});

describe('nothing internal leaks', () => {
  it('refuses NUL characters as BAD_USER_INPUT: a search, a sign-up, a stock reference', async () => {
    const admin = await asAdmin();
    const attempts = [
      post(system.gateway.url, op('{ products(first: 3, query: "gravel\\u0000") { nodes { title } } }')),
      post(
        system.gateway.url,
        op('mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { customer { id } userErrors { code } } }', {
          i: { email: 'nul@example.com', password: 'correct-horse-42', firstName: 'A\u0000da' },
        }),
      ),
      post(
        system.gateway.url,
        op('mutation($i: InventoryAdjustInput!) { inventoryAdjust(input: $i, idempotencyKey: "nul-1") { userErrors { code } } }', {
          i: { sku: 'VC-LT-BEAM12', locationId: 'x', delta: 1, reason: 'CORRECTION', reference: 'PO\u00001' },
        }),
        admin,
      ),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
      expectNothingInternal(answer);
    }
  });

  it('answers a malformed Decimal with BAD_USER_INPUT and no subgraph URL or response body', async () => {
    for (const answer of [
      await post(system.gateway.url, op('{ products(first: 3, filter: { maxPrice: "abc" }) { nodes { title } } }')),
      await post(
        system.gateway.url,
        op('query($p: Decimal) { products(first: 3, filter: { maxPrice: $p }) { nodes { title } } }', { p: 'abc' }),
      ),
    ]) {
      expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.body.errors?.[0].extensions?.response).toBeUndefined();
      expectNothingInternal(answer);
    }
  });

  it.each([
    ['malformed JSON', '{"query": "{ prod', { 'content-type': 'application/json' }, 400],
    ['a wrong content type', 'query={ products { nodes { title } } }', { 'content-type': 'text/plain' }, 415],
    ['an oversized body', op(`{ products(first: 1) { nodes { title } } }`, { pad: 'x'.repeat(300_000) }), {}, 413],
  ])('answers %s with a JSON GraphQL error, never an HTML page', async (_what, body, headers, status) => {
    for (const url of [system.gateway.url, production.url]) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const answer = { status, headers: response.headers, text: await response.text(), body: {} };
      expect(JSON.parse(answer.text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
      expectNothingInternal(answer);
    }
  });

  it('masks an unexpected failure as "Internal error" with the request id, in every mode', async () => {
    // Whatever error this request draws (a bad cursor), an INTERNAL_SERVER_ERROR among them must be the masked one.
    for (const url of [system.gateway.url, production.url]) {
      const answer = await post(url, op('{ products(first: 1, after: "not-a-cursor") { nodes { title } } }'), {
        'x-request-id': 'edge-test-1',
      });
      expectNothingInternal(answer);
      expect(answer.headers.get('x-request-id')).toBe('edge-test-1');
      for (const error of answer.body.errors ?? []) {
        if (error.extensions?.code === 'INTERNAL_SERVER_ERROR')
          expect(error).toMatchObject({ message: 'Internal error', extensions: { requestId: 'edge-test-1' } });
      }
    }
  });

  it('gives no field suggestions and no introspection in production', async () => {
    const typo = await post(production.url, op('{ products(first: 1) { nodes { titel } } }'));
    expect(codes(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(typo.text).not.toMatch(/Did you mean/);
    const introspection = await post(production.url, op('{ __schema { types { name } } }'));
    expect(introspection.body.data).toBeFalsy();
    expect(codes(introspection)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // Development keeps both for developers.
    expect((await post(system.gateway.url, op('{ products(first: 1) { nodes { titel } } }'))).text).toMatch(/Did you mean/);
  });
});

describe('subgraphs protect themselves', () => {
  it('refuses a deep query sent straight to a subgraph, past any gateway', async () => {
    const answer = await post(system.urls.products, op(nested(12)), { 'x-gateway-secret': system.gatewaySecret, ...ANONYMOUS });
    expect(codes(answer)).toEqual(['MAX_DEPTH_EXCEEDED']);
  });
});

describe('throttling', () => {
  let throttled: GatewayHarness;
  let store: PostgresBucketStore;

  beforeAll(async () => {
    store = new PostgresBucketStore(system.db.url, 2);
    const throttle = new Throttle(store, {
      clients: { maximumAvailable: 60, restoreRate: 1 },
      staff: { maximumAvailable: 10_000, restoreRate: 100 },
      minimumCost: 5,
    });
    throttled = await startGateway(system.urls, { gatewaySecret: system.gatewaySecret, throttle });
  });
  afterAll(async () => {
    await throttled?.close();
    await store?.close();
  });

  it('answers THROTTLED with HTTP 429 and Retry-After once a client has spent its budget', async () => {
    const query = op('{ products(first: 5) { nodes { title } } }'); // costs 2 + 5 × 1 = 7
    const answers: Answer[] = [];
    for (let i = 0; i < 12; i++) answers.push(await post(throttled.url, query));
    const first = answers[0];
    expect(first.status).toBe(200);
    expect(first.body.extensions?.cost.throttleStatus).toMatchObject({ maximumAvailable: 60, restoreRate: 1 });
    const refused = answers.find((a) => a.status === 429);
    expect(refused).toBeDefined();
    expect(codes(refused!)).toEqual(['THROTTLED']);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused!.body.errors?.[0].extensions?.retryAfterSeconds).toBe(Number(refused!.headers.get('retry-after')));
    // Staff have their own budget: the same burst with a staff token goes through.
    const admin = await asAdmin();
    const staff = await post(throttled.url, query, admin);
    expect(staff.status).toBe(200);
  });
});

describe('what operators see', () => {
  it('serves Prometheus metrics on the gateway and each subgraph, counting requests and refusals', async () => {
    const statements = async () => {
      const text = await (await fetch(system.urls.products.replace('/graphql', '/metrics'))).text();
      return Number(/^db_statements_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1]);
    };
    const statementsBefore = await statements();
    await post(system.gateway.url, op('query Shelf { products(first: 1) { nodes { title } } }'));
    // The products subgraph read the page from PostgreSQL: its statements are counted.
    expect(await statements()).toBeGreaterThan(statementsBefore);
    const gateway = await (await fetch(system.gateway.url.replace('/graphql', '/metrics'))).text();
    expect(gateway).toMatch(/graphql_requests_total\{[^}]*operation="Shelf"[^}]*outcome="ok"/);
    expect(gateway).toMatch(/graphql_rate_limited_total\{[^}]*reason="MAX_DEPTH_EXCEEDED"/);
    expect(gateway).toMatch(/gateway_subgraph_fetch_duration_seconds_bucket\{[^}]*subgraph="products"/);
    expect(gateway).toMatch(/gateway_subscribers_connected/);
    const products = await (await fetch(system.urls.products.replace('/graphql', '/metrics'))).text();
    expect(products).toMatch(/db_pool_connections_in_use/);
    expect(products).toMatch(/graphql_request_duration_seconds_bucket/);
    // Outbox lag of each durable consumer a subgraph runs, labelled with the outbox it reads.
    const promotions = await (await fetch(system.urls.promotions.replace('/graphql', '/metrics'))).text();
    expect(promotions).toMatch(/outbox_lag_seconds\{[^}]*consumer="promotions.customer-events"[^}]*source="customers"[^}]*\} \d/);
    expect(promotions).toMatch(/outbox_events_pending\{[^}]*consumer="promotions.order-events"[^}]*source="orders"[^}]*\} \d/);
    expect(products).toMatch(/# TYPE outbox_lag_seconds gauge/);
    // Production without a metrics token serves none.
    expect((await fetch(production.url.replace('/graphql', '/metrics'))).status).toBe(404);
  });

  it('answers browsers only from allowed origins (CORS) and compresses large answers', async () => {
    const preflight = (origin: string) =>
      fetch(production.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://shop.example')).headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const big = await fetch(system.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: op('{ products(first: 50) { nodes { title handle } } }'),
    });
    expect(big.headers.get('content-encoding')).toBe('gzip');
  });
});
