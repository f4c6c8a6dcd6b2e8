import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { sql } from '#platform/db';
import { buildSubgraphSchema } from '#platform/graphql';
import { ServiceCredentials } from '#platform/auth';
import { InternalClient, internalCommand, localEndpoint, type LocalResponse } from '#platform/internal';
import { createLogger } from '#platform/runtime';
import { buildSubgraph, defineSubgraph, startSubgraph, type RequestContext, type SubgraphServer } from '#platform/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../support/tokens';

/**
 * An internal call to a subgraph served by this same process must be the HTTP call it replaces:
 * the same answer, the same callee (never one this process serves in place of another one
 * listening elsewhere), and a server that closes answers the calls that reached it first.
 */

const STAMP = '2026-01-02T03:04:05.000Z';

@ObjectType()
class Stamped {
  @Field()
  label!: string;

  @Field(() => Date)
  at!: Date;
}

@Resolver()
class LocalProbeResolver {
  @Query(() => String)
  whoAmI(): string {
    return 'the probe in this process';
  }

  @Query(() => Stamped, { description: 'An object with a DateTime in it, as JSON would carry it.' })
  stamped(): Stamped {
    return { label: 'x', at: new Date(STAMP) };
  }

  @Query(() => Int, { description: 'Waits, then reads the database.' })
  async slowRead(@Ctx() ctx: RequestContext, @Arg('ms', () => Int) ms: number): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const [row] = await sql<{ n: number }>(ctx.em, 'select 1::int as n');
    return row.n;
  }
}

const whoAmI = internalCommand<Record<string, never>, string>('query WhoAmI { whoAmI }');
const stamped = internalCommand<Record<string, never>, { label: string; at: string }>('query Stamped { stamped { label at } }');

describe('an internal call answered in this process', () => {
  let db: TestDatabase;
  const servers: SubgraphServer[] = [];
  const others: Server[] = [];

  async function build(): Promise<SubgraphServer> {
    const definition = defineSubgraph({
      info: { name: 'local_probe', defaultPort: 0, entities: [] },
      schema: () => buildSubgraphSchema<RequestContext>({ resolvers: [LocalProbeResolver] }),
      settings: () => ({}),
      setup: () => (base: RequestContext) => base,
    });
    const server = await buildSubgraph(definition, {
      databaseUrl: db.url,
      logger: createLogger('local_probe', 'silent'),
      jwtSecret: TEST_JWT_SECRET,
      maintenanceMs: 0,
    });
    servers.push(server);
    return server;
  }

  /** A server standing for another process on `port` of `host`, answering every POST as that other subgraph. */
  async function another(port: number, host: string): Promise<void> {
    const server = createServer((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { whoAmI: 'another process' } }));
    });
    others.push(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
  }

  function client(url: string, inProcess = true): InternalClient {
    return new InternalClient({
      subgraph: 'local_probe',
      url,
      credentials: new ServiceCredentials('test', TEST_JWT_SECRET, null),
      logger: createLogger('local_probe', 'silent'),
      timeoutMs: 2_000,
      inProcess,
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(others.map((s) => new Promise((resolve) => s.close(resolve))));
    await db.drop();
  });

  it.each([
    ['in-process', true],
    ['over HTTP', false],
  ])('answers %s what JSON carries: DateTimes as ISO strings, plain objects', async (_, inProcess) => {
    const url = `${await (await build()).listen(0)}/graphql`;
    const result = await client(url, inProcess).call({}, stamped, {});
    expect(result).toStrictEqual({ ok: true, value: { label: 'x', at: STAMP } });
    expect(Object.getPrototypeOf(result.ok && result.value)).toBe(Object.prototype);
  });

  it.each([
    ['in-process', true],
    ['over HTTP', false],
  ])('refuses %s a token signed with another secret as UNAUTHENTICATED', async (_, inProcess) => {
    const url = `${await (await build()).listen(0)}/graphql`;
    const forged = new InternalClient({
      subgraph: 'local_probe',
      url,
      credentials: new ServiceCredentials('test', new TextEncoder().encode('another secret, of the same length or longer'), null),
      logger: createLogger('local_probe', 'silent'),
      timeoutMs: 2_000,
      inProcess,
    });
    await expect(forged.call({}, whoAmI, {})).rejects.toThrow(
      'WhoAmI on local_probe: UNAUTHENTICATED: Invalid token: signature verification failed',
    );
  });

  it('answers a call that reached it before close(), and only then closes its database', async () => {
    const server = await build();
    const url = new URL(`${await server.listen(0)}/graphql`);
    const endpoint = localEndpoint(url);
    expect(endpoint).toBeDefined();
    const { authorization } = await new ServiceCredentials('test', TEST_JWT_SECRET, null).headers();
    const events: string[] = [];
    const answer = endpoint!({
      query: 'query SlowRead { slowRead(ms: 200) }',
      variables: {},
      operationName: 'SlowRead',
      bodyBytes: 100,
      authorization,
      gatewaySecret: undefined,
      requestId: undefined,
    }).then(
      (response: LocalResponse) => (events.push('answered'), response),
      (error: unknown) => (events.push('failed'), { status: 0, body: { errors: [{ message: String(error) }] } }),
    );
    // Closing starts while the call is still being let in (its token checked), as an HTTP
    // request already accepted is drained before the server closes.
    await server.close().then(() => events.push('closed'));
    servers.splice(servers.indexOf(server), 1);
    expect(await answer).toEqual({ status: 200, body: { data: { slowRead: 1 } } });
    expect(events).toEqual(['answered', 'closed']);
  });

  it('refuses a call that arrives once close() has begun, as a closed port would', async () => {
    const server = await build();
    const url = `${await server.listen(0)}/graphql`;
    const endpoint = localEndpoint(new URL(url));
    const { authorization } = await new ServiceCredentials('test', TEST_JWT_SECRET, null).headers();
    const closed = server.close();
    servers.splice(servers.indexOf(server), 1);
    // Past the subgraph's background work, which it stops first: the server itself is closing.
    await new Promise((resolve) => setImmediate(resolve));
    expect(localEndpoint(new URL(url))).toBeUndefined();
    const late = endpoint!({
      query: 'query WhoAmI { whoAmI }',
      variables: {},
      operationName: 'WhoAmI',
      bodyBytes: 100,
      authorization,
      gatewaySecret: undefined,
      requestId: undefined,
    });
    await expect(late).rejects.toThrow(/clos/);
    await closed;
  });

  it('never answers for another process listening on the same port at another loopback address', async () => {
    // This process serves the probe on [::1]:P; another one serves 127.0.0.1:P.
    const server = await build();
    const port = Number(new URL(await server.listen(0, '::1')).port);
    await another(port, '127.0.0.1');
    expect(await client(`http://127.0.0.1:${port}/graphql`).call({}, whoAmI, {})).toEqual({ ok: true, value: 'another process' });
    expect(await client(`http://[::1]:${port}/graphql`).call({}, whoAmI, {})).toEqual({ ok: true, value: 'the probe in this process' });
  });

  it('takes a server on 0.0.0.0 for 127.0.0.1 only, not for [::1] where another process may listen', async () => {
    const server = await build();
    const port = Number(new URL(await server.listen(0, '0.0.0.0')).port);
    await another(port, '::1');
    expect(await client(`http://[::1]:${port}/graphql`).call({}, whoAmI, {})).toEqual({ ok: true, value: 'another process' });
    expect(await client(`http://127.0.0.1:${port}/graphql`).call({}, whoAmI, {})).toEqual({ ok: true, value: 'the probe in this process' });
  });

  it('keeps two servers of this process on one port number at two loopback addresses apart', async () => {
    const v6 = await build();
    const port = Number(new URL(await v6.listen(0, '::1')).port);
    const v4 = await build();
    await v4.listen(port, '127.0.0.1');
    // Both answer the same; what matters is that closing one leaves the other reachable in-process.
    await v6.close();
    servers.splice(servers.indexOf(v6), 1);
    expect(localEndpoint(new URL(`http://127.0.0.1:${port}/graphql`))).toBeDefined();
    expect(localEndpoint(new URL(`http://[::1]:${port}/graphql`))).toBeUndefined();
  });

  it('takes localhost only for a server both loopbacks reach', async () => {
    const v4 = await build();
    const v4Port = Number(new URL(await v4.listen(0, '127.0.0.1')).port);
    expect(localEndpoint(new URL(`http://localhost:${v4Port}/graphql`))).toBeUndefined();
    const dual = await build();
    const dualPort = Number(new URL(await dual.listen(0, '::')).port);
    expect(localEndpoint(new URL(`http://localhost:${dualPort}/graphql`))).toBeDefined();
    expect(localEndpoint(new URL(`http://127.0.0.1:${dualPort}/graphql`))).toBeDefined();
    expect(localEndpoint(new URL(`http://[::1]:${dualPort}/graphql`))).toBeDefined();
  });

  it('startSubgraph stops what it built when it cannot listen', async () => {
    const taken = await build();
    const port = Number(new URL(await taken.listen(0)).port);
    const stopped: string[] = [];
    const definition = defineSubgraph({
      info: { name: 'late_probe', defaultPort: port, entities: [] },
      schema: () => buildSubgraphSchema<RequestContext>({ resolvers: [LocalProbeResolver] }),
      settings: () => ({}),
      setup: async (kit) => {
        await kit.start({ start: async () => {}, stop: async () => void stopped.push('background part') });
        return (base: RequestContext) => base;
      },
    });
    const env = { LATE_PROBE_DATABASE_URL: db.url, LATE_PROBE_PORT: String(port), LOG_LEVEL: 'silent', JWT_SECRET: 'x'.repeat(32) };
    await expect(startSubgraph(definition, env)).rejects.toThrow(/EADDRINUSE/);
    expect(stopped).toEqual(['background part']);
  });

  it('closes twice, at once or one after the other, without an error', async () => {
    const server = await build();
    const url = `${await server.listen(0)}/graphql`;
    expect(await client(url).call({}, stamped, {})).toMatchObject({ ok: true });
    servers.splice(servers.indexOf(server), 1);
    // Apollo's stop() called while another is under way never resolves (its barrier is left unresolved).
    await Promise.all([server.close(), server.close()]);
    await server.close();
    expect(await client(url).call({}, stamped, {})).toMatchObject({ ok: false, reason: 'UNAVAILABLE' });
  });
});
