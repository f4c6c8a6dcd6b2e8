import 'reflect-metadata';
import diagnostics from 'node:diagnostics_channel';
import { Client } from 'pg';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { sql, runMutation } from '#platform/db';
import { buildSubgraphSchema, MutationPayload, UserError, UserErrorsException } from '#platform/graphql';
import { ServiceCredentials } from '#platform/auth';
import { InternalCallError, InternalClient, internalCommand } from '#platform/internal';
import { createLogger } from '#platform/runtime';
import { buildSubgraph, defineSubgraph, type RequestContext, type SubgraphServer } from '#platform/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { gql } from '../support/graphql-client';
import { TEST_JWT_SECRET } from '../support/tokens';

/**
 * The platform's transaction rules, on a subgraph made for the test: a mutation is one
 * transaction on one connection, no network call happens inside it, and work that outlives the
 * request's deadline, a statement timeout or the wait for a connection rolls back and says so.
 */

interface ProbeContext extends RequestContext {
  peer: InternalClient;
}

const SCHEMA = 'platform_probe';

const ProbeWrite = MutationPayload('ProbeWritePayload', { value: () => String });
type ProbeWrite = InstanceType<typeof ProbeWrite> & { value?: string | null };

const echo = internalCommand<{ value: string }, { value: string | null; userErrors: UserError[] }>(
  'mutation Echo($value: String!) { write(value: $value, sleepMs: 0) { value userErrors { field message code } } }',
);
const refused = internalCommand<{ value: string }, { value: string | null; userErrors: UserError[] }>(
  'mutation Refused($value: String!) { refuse(value: $value) { value userErrors { field message code } } }',
);
const broken = internalCommand<Record<string, never>, unknown>('query Broken { noSuchField }');
const whoAsks = internalCommand<Record<string, never>, string>('query WhoAsks { whoAsks }');
const slowEcho = internalCommand<{ value: string }, { value: string | null; userErrors: UserError[] }>(
  'mutation SlowEcho($value: String!) { write(value: $value, sleepMs: 1500) { value userErrors { field message code } } }',
);

@Resolver()
class ProbeResolver {
  @Query(() => String, { description: "The request's id and who sent it, as the callee sees them." })
  whoAsks(@Ctx() ctx: ProbeContext): string {
    return `${ctx.requestId} ${ctx.viewer.subject ?? 'nobody'}`;
  }

  @Query(() => Int)
  rows(@Ctx() ctx: ProbeContext): Promise<number> {
    return sql<{ n: number }>(ctx.em, `select count(*)::int as n from ${SCHEMA}.probe`).then(([row]) => row.n);
  }

  @Mutation(() => ProbeWrite, { description: 'Writes a row, then waits inside the transaction.' })
  async write(@Ctx() ctx: ProbeContext, @Arg('value') value: string, @Arg('sleepMs', () => Int) sleepMs: number): Promise<ProbeWrite> {
    const outcome = await runMutation(ctx, async (tx) => {
      await sql(tx.em, `insert into ${SCHEMA}.probe (value) values (?)`, [value]);
      if (sleepMs) await new Promise((resolve) => setTimeout(resolve, sleepMs));
      return value;
    });
    return outcome.ok ? { value: outcome.value, userErrors: [] } : { value: null, userErrors: outcome.userErrors };
  }

  @Mutation(() => ProbeWrite)
  async refuse(@Ctx() ctx: ProbeContext, @Arg('value') value: string): Promise<ProbeWrite> {
    const outcome = await runMutation(ctx, async (tx) => {
      await sql(tx.em, `insert into ${SCHEMA}.probe (value) values (?)`, [value]);
      throw new UserErrorsException([new UserError(['value'], 'Refused on purpose', 'INVALID')]);
    });
    return outcome.ok ? { value: outcome.value, userErrors: [] } : { value: null, userErrors: outcome.userErrors };
  }

  @Mutation(() => ProbeWrite, { description: 'Runs a statement slower than the statement timeout.' })
  async slowStatement(@Ctx() ctx: ProbeContext): Promise<ProbeWrite> {
    await runMutation(ctx, async (tx) => {
      await sql(tx.em, `insert into ${SCHEMA}.probe (value) values ('slow')`);
      await sql(tx.em, 'select pg_sleep(2)');
    });
    return { value: 'slow', userErrors: [] };
  }

  @Mutation(() => ProbeWrite, { description: 'Calls another subgraph from inside its transaction, which the platform refuses.' })
  async remoteInTransaction(@Ctx() ctx: ProbeContext): Promise<ProbeWrite> {
    await runMutation(ctx, async (tx) => {
      await sql(tx.em, `insert into ${SCHEMA}.probe (value) values ('remote')`);
      await tx.peer.call(tx, echo, { value: 'x' });
    });
    return { value: 'remote', userErrors: [] };
  }
}

function probeSubgraph(peerUrl: () => string) {
  return defineSubgraph({
    info: { name: SCHEMA, defaultPort: 0, entities: [] },
    schema: () => buildSubgraphSchema<ProbeContext>({ resolvers: [ProbeResolver] }),
    settings: () => ({}),
    setup: (kit) => {
      const peer = kit.client('probe', peerUrl(), { timeoutMs: 1_000 });
      return (base: RequestContext): ProbeContext => ({ ...base, peer });
    },
  });
}

describe('a mutation is one transaction that never waits on the network', () => {
  let db: TestDatabase;
  const servers: SubgraphServer[] = [];
  let url = '';

  async function start(options: {
    requestTimeoutMs?: number;
    poolMax?: number;
    acquireTimeoutMs?: number;
    statementTimeoutMs?: number;
    gatewaySecret?: string;
  }) {
    const definition = probeSubgraph(() => url);
    const server = await buildSubgraph(definition, {
      databaseUrl: db.url,
      logger: createLogger('probe', 'silent'),
      jwtSecret: TEST_JWT_SECRET,
      maintenanceMs: 0,
      ...options,
    });
    servers.push(server);
    return `${await server.listen(0)}/graphql`;
  }

  const rows = async (at: string) => (await gql(at, '{ rows }')).data?.rows as number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`create schema ${SCHEMA}; create table ${SCHEMA}.probe (value text not null)`);
    await client.end();
    url = await start({});
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await db.drop();
  });

  beforeEach(async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`truncate ${SCHEMA}.probe`);
    await client.end();
  });

  it('rolls back work that outlives the request deadline, and says nothing was changed', async () => {
    const short = await start({ requestTimeoutMs: 300 });
    const started = Date.now();
    const result = await gql(short, 'mutation { write(value: "late", sleepMs: 600) { value } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(result.errors?.[0]?.message).toMatch(/nothing was changed/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await rows(url)).toBe(0);
  });

  it('cancels a statement slower than the statement timeout and rolls back', async () => {
    const strict = await start({ statementTimeoutMs: 200 });
    const result = await gql(strict, 'mutation { slowStatement { value } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(await rows(url)).toBe(0);
  });

  it('fails fast when no connection is free, instead of queueing past the deadline, and writes nothing for it', async () => {
    const tiny = await start({ poolMax: 1, acquireTimeoutMs: 200, requestTimeoutMs: 5_000 });
    const holding = gql(tiny, 'mutation { write(value: "holder", sleepMs: 1500) { value } }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const waiting = await gql(tiny, 'mutation { write(value: "waiter", sleepMs: 0) { value } }');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(waiting.errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect((await holding).data?.write.value).toBe('holder');
    expect(await rows(url)).toBe(1);
  });

  it('answers every one of 100 concurrent mutations on the default pool', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => gql(url, 'mutation($v: String!) { write(value: $v, sleepMs: 20) { value } }', { v: `v${i}` })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(await rows(url)).toBe(100);
  });

  it('refuses a call to another subgraph from inside a transaction, and rolls the transaction back', async () => {
    const result = await gql(url, 'mutation { remoteInTransaction { value } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await rows(url)).toBe(0);
  });

  // Every check twice: in-process (the callee is served by this process, as under `npm start`) and over HTTP.
  describe.each([
    ['in-process', true],
    ['over HTTP', false],
  ])('the internal-call client, %s', (_, inProcess) => {
    function client(target: string, gatewaySecret: string | null = null): InternalClient {
      return new InternalClient({
        subgraph: 'probe',
        url: target,
        credentials: new ServiceCredentials('test', TEST_JWT_SECRET, gatewaySecret),
        logger: createLogger('probe', 'silent'),
        timeoutMs: 1_000,
        inProcess,
      });
    }

    it('returns the value of a command that succeeded, by the way it was asked to go', async () => {
      const sockets: unknown[] = [];
      const count = (message: unknown) => sockets.push(message);
      diagnostics.subscribe('undici:request:create', count);
      try {
        const result = await client(url).call({}, echo, { value: 'hello' });
        expect(result).toEqual({ ok: true, value: { value: 'hello', userErrors: [] } });
      } finally {
        diagnostics.unsubscribe('undici:request:create', count);
      }
      expect(sockets).toHaveLength(inProcess ? 0 : 1);
    });

    it("passes the caller's request id and the service token, which the callee reads as its own request's", async () => {
      expect(await client(url).call({ requestId: 'checkout-42' }, whoAsks, {})).toEqual({ ok: true, value: 'checkout-42 service:test' });
    });

    it("separates the callee's user errors, which changed nothing there", async () => {
      const result = await client(url).call({}, refused, { value: 'no' });
      expect(result).toEqual({
        ok: false,
        reason: 'USER_ERRORS',
        userErrors: [{ field: ['value'], message: 'Refused on purpose', code: 'INVALID' }],
      });
      expect(await rows(url)).toBe(0);
    });

    it('refuses a body larger than a subgraph takes, as POST /graphql does, and writes nothing', async () => {
      await expect(client(url).call({}, echo, { value: 'x'.repeat(2_100_000) })).rejects.toThrow(/too large/);
      expect(await rows(url)).toBe(0);
    });

    it('reports a callee it cannot reach as UNAVAILABLE', async () => {
      const result = await client('http://127.0.0.1:9/graphql').call({}, echo, { value: 'x' });
      expect(result).toMatchObject({ ok: false, reason: 'UNAVAILABLE' });
    });

    it('stops waiting at its deadline and reports UNAVAILABLE, leaving nothing unhandled', async () => {
      // The callee would answer, after 1.5 s: past the client's 1 s, the caller stops waiting.
      const result = await client(url).call({}, slowEcho, { value: 'late' });
      expect(result).toMatchObject({ ok: false, reason: 'UNAVAILABLE' });
      // The callee finishes on its own deadline, as a request whose client went away does.
      for (let i = 0; i < 50 && (await rows(url)) === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await rows(url)).toBe(1);
    });

    it('is refused without the gateway secret of a subgraph that requires one', async () => {
      const guarded = await start({ gatewaySecret: 'the-gateway-secret' });
      await expect(client(guarded, 'a-wrong-secret').call({}, echo, { value: 'x' })).rejects.toThrow(/UNAUTHENTICATED/);
      expect(await client(guarded, 'the-gateway-secret').call({}, echo, { value: 'x' })).toMatchObject({ ok: true });
    });

    it('reaches a closed subgraph no more', async () => {
      const closing = await start({});
      const server = servers.at(-1) as SubgraphServer;
      expect(await client(closing).call({}, echo, { value: 'x' })).toMatchObject({ ok: true });
      await server.close();
      servers.pop();
      expect(await client(closing).call({}, echo, { value: 'y' })).toMatchObject({ ok: false, reason: 'UNAVAILABLE' });
    });

    it('throws for a bug: a document the callee rejects', async () => {
      await expect(client(url).call({}, broken, {})).rejects.toBeInstanceOf(InternalCallError);
    });

    it('refuses to run for a caller inside a transaction', async () => {
      await expect(client(url).call({ inTransaction: true }, echo, { value: 'x' })).rejects.toThrow(/inside a transaction/);
    });
  });
});
