import 'reflect-metadata';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { sql } from '#platform/db';
import { buildSubgraphSchema } from '#platform/graphql';
import { ServiceCredentials } from '#platform/auth';
import { InternalClient, internalCommand, localEndpoint, type LocalResponse } from '#platform/internal';
import { createLogger } from '#platform/runtime';
import { buildSubgraph, defineSubgraph, type RequestContext, type SubgraphServer } from '#platform/server';
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

const stamped = internalCommand<Record<string, never>, { label: string; at: string }>('query Stamped { stamped { label at } }');

describe('an internal call answered in this process', () => {
  let db: TestDatabase;
  const servers: SubgraphServer[] = [];

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
      authorization,
      gatewaySecret: undefined,
      requestId: undefined,
    });
    await expect(late).rejects.toThrow(/clos/);
    await closed;
  });
});
