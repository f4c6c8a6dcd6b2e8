import { Client } from 'pg';
import pino from 'pino';
import { z } from 'zod';
import { openDatabase, sql, type Orm } from '#platform/db';
import type { BusEvent } from '#platform/events';
import { defineEvent } from '#platform/events';
import { EventConsumer, publishEvents, type EventHandler } from '#platform/outbox';
import { createLogger, type Logger } from '#platform/runtime';
import { inventorySubgraph } from '../subgraphs/inventory/src/subgraph';
import { promotionsSubgraph } from '../subgraphs/promotions/src/subgraph';
import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * A durable consumer reads another subgraph's outbox (here inventory's, which every test database
 * has) and keeps its position in its own subgraph's schema (here promotions').
 */
let db: TestDatabase;
let inventory: Orm;
let promotions: Orm;
const consumers: EventConsumer[] = [];
const silent = createLogger('consumer-test', 'silent');

beforeAll(async () => {
  db = await createTestDatabase();
  const open = (info: typeof inventorySubgraph | typeof promotionsSubgraph) =>
    openDatabase({ schema: info.name, clientUrl: db.url, entities: [...info.entities], poolMax: 4 });
  [inventory, promotions] = await Promise.all([open(inventorySubgraph), open(promotionsSubgraph)]);
});
afterEach(async () => {
  await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
});
afterAll(async () => {
  await Promise.all([inventory?.close(), promotions?.close()]);
  await db?.drop();
});

/** Commits one inventory outbox event per topic given; returns their ids. */
async function publish(...topics: string[]): Promise<number[]> {
  return inventory.em.fork().transactional((em) =>
    publishEvents(
      em,
      'inventory',
      topics.map((topic) => ({ topic, key: 'k', payload: { topic } })),
    ),
  );
}

/** A consumer of the inventory outbox for `topics` that records the ids it handled, in order. */
function consumer(name: string, topics: string[], options: { handle?: EventHandler; logger?: Logger } = {}) {
  const handled: number[] = [];
  const instance = new EventConsumer({
    name,
    sourceSchema: 'inventory',
    topics,
    orm: promotions,
    logger: options.logger ?? silent,
    pollMs: 50,
    leadRetryMs: 100,
    handle: async (event: BusEvent, em) => {
      await options.handle?.(event, em);
      handled.push(event.id);
    },
  });
  consumers.push(instance);
  return { instance, ids: () => [...handled] };
}

async function storedPosition(name: string): Promise<number | null> {
  const [row] = await sql<{ position: string }>(
    promotions.em.fork(),
    `select position from promotions.event_consumer_position where consumer = ? and source_schema = 'inventory'`,
    [name],
  );
  return row ? Number(row.position) : null;
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  for (const started = Date.now(); !(await condition());) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('hands over events published before it started, only of its topics, and stores how far it got', async () => {
  const [early, , alsoEarly] = await publish('first.wanted', 'first.other', 'first.wanted');
  const { instance, ids } = consumer('first', ['first.wanted']);
  await instance.start();
  const [late] = await publish('first.wanted');
  await waitFor(() => ids().length === 3, 'three events');
  expect(ids()).toEqual([early, alsoEarly, late]);
  await waitFor(async () => (await storedPosition('first')) === late, 'the position to reach the last event');
});

it('reports its backlog: what is past its position and how old the oldest of it is, nothing once caught up', async () => {
  await publish('backlog.a', 'backlog.a', 'backlog.a');
  const { instance } = consumer('backlog', ['backlog.a']);
  // Not started: every event of the outbox is still to be handled.
  const behind = await instance.backlog();
  const [{ count }] = await sql<{ count: string }>(inventory.em.fork(), 'select count(*) from inventory.outbox_event');
  expect(behind.pending).toBe(Number(count));
  expect(behind.lagSeconds).toBeGreaterThan(0);
  await instance.start();
  await waitFor(async () => (await instance.backlog()).pending === 0, 'the consumer to catch up');
  expect(await instance.backlog()).toEqual({ pending: 0, lagSeconds: 0 });
});

it('resumes after its stored position when started again', async () => {
  const before = await publish('resume.a', 'resume.a');
  const first = consumer('resume', ['resume.a']);
  await first.instance.start();
  await waitFor(() => first.ids().length === 2, 'the first two events');
  await first.instance.stop();
  const whileDown = await publish('resume.a', 'resume.a');

  const second = consumer('resume', ['resume.a']);
  await second.instance.start();
  await waitFor(() => second.ids().length === 2, 'the events published while it was down');
  await pause(200);
  expect(first.ids()).toEqual(before);
  expect(second.ids()).toEqual(whileDown);
});

it('does not lose an event whose lower id commits after a higher one, even across a restart', async () => {
  const slow = new Client({ connectionString: db.url });
  await slow.connect();
  try {
    // A transaction takes an id and is still open while a later one commits.
    await slow.query('begin');
    const { rows } = await slow.query(
      `insert into inventory.outbox_event (topic, key, payload, created_at) values ('late.x', 'k', '{}', now()) returning id`,
    );
    const lateId = Number(rows[0].id);
    const [quickId] = await publish('late.x');
    expect(quickId).toBeGreaterThan(lateId);

    const first = consumer('late', ['late.x']);
    await first.instance.start();
    await waitFor(() => first.ids().includes(quickId), 'the quick event');
    // The position stays below the id still in flight, so a restart looks for it again.
    expect(await storedPosition('late')).toBeLessThan(lateId);
    await first.instance.stop();

    await slow.query('commit');
    const second = consumer('late', ['late.x']);
    await second.instance.start();
    await waitFor(() => second.ids().includes(lateId), 'the late event after the restart');
    expect(first.ids()).not.toContain(lateId);
    await waitFor(async () => (await storedPosition('late')) === quickId, 'the position to pass both');
  } finally {
    await slow.query('rollback').catch(() => {});
    await slow.end();
  }
});

it('lets one replica consume at a time, and another take over from the stored position when it stops', async () => {
  const a = consumer('shared', ['shared.x']);
  const b = consumer('shared', ['shared.x']);
  await a.instance.start();
  await b.instance.start();
  expect([a.instance.consuming, b.instance.consuming]).toEqual([true, false]);

  const firstIds = await publish('shared.x', 'shared.x', 'shared.x');
  await waitFor(() => a.ids().length === 3, 'the first replica to handle three events');
  await pause(300);
  expect(a.ids()).toEqual(firstIds);
  expect(b.ids()).toEqual([]);

  await a.instance.stop();
  await waitFor(() => b.instance.consuming, 'the second replica to take over');
  const laterIds = await publish('shared.x', 'shared.x');
  await waitFor(() => b.ids().length === 2, 'the second replica to handle the later events');
  expect(b.ids()).toEqual(laterIds);
});

it("carries on from the stored position when the consuming replica's connection dies", async () => {
  const a = consumer('dies', ['dies.x']);
  const b = consumer('dies', ['dies.x']);
  await a.instance.start();
  await b.instance.start();
  const first = await publish('dies.x');
  await waitFor(() => a.ids().length === 1, 'the first replica to handle the first event');
  // Cut the lock holder's connection, as when its process dies: its lock goes with it.
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      // Advisory locks are per database: other test files' consumers hold the same namespace in theirs.
      `select pg_terminate_backend(pid) as ended from pg_locks
        where locktype = 'advisory' and classid = 7420002 and granted
          and database = (select oid from pg_database where datname = current_database())`,
    );
    expect(rows).toEqual([{ ended: true }]);
  } finally {
    await admin.end();
  }
  await waitFor(() => !a.instance.consuming, 'the first replica to stop consuming');
  const later = await publish('dies.x', 'dies.x');
  await waitFor(() => [...a.ids(), ...b.ids()].filter((id) => later.includes(id)).length >= 2, 'a replica to handle the later events');
  expect(new Set([...a.ids(), ...b.ids()])).toEqual(new Set([...first, ...later]));
});

it('hands a batch whose handler failed over again, with the position unmoved, and logs the failure', async () => {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
  const positionsSeen: number[] = [];
  let failures = 2;
  const flaky = consumer('flaky', ['flaky.x'], {
    logger,
    handle: async (_events, em) => {
      const [row] = await sql<{ position: string }>(em, `select position from promotions.event_consumer_position where consumer = 'flaky'`);
      positionsSeen.push(Number(row.position));
      if (failures-- > 0) throw new Error('the handler is down');
    },
  });
  const ids = await publish('flaky.x', 'flaky.x');
  await flaky.instance.start();
  await waitFor(() => flaky.ids().length === 2, 'the batch to get through on the third try');
  expect(flaky.ids()).toEqual(ids);
  // The first event failed twice, then both went through: every try inside one batch's transaction.
  expect(positionsSeen).toHaveLength(4);
  expect(new Set(positionsSeen).size).toBe(1);
  expect(positionsSeen[0]).toBeLessThan(ids[0]);
  await waitFor(async () => (await storedPosition('flaky')) === ids[1], 'the position to move past the batch');
  const failed = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg.startsWith('event handler failed'));
  expect(failed).toHaveLength(2);
  expect(failed[0]).toMatchObject({ consumer: 'flaky', source: 'inventory', eventIds: ids });
});

it('skips an event whose payload breaks its contract, logging it, and handles the rest of its batch', async () => {
  const Strict = defineEvent('strict.x', z.object({ n: z.number() }));
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
  const seen: number[] = [];
  const strict = consumer('strict', [Strict.topic], { logger, handle: async (event) => void seen.push(Strict.parse(event.payload).n) });
  const ids = await inventory.em.fork().transactional((em) =>
    publishEvents(em, 'inventory', [
      { topic: Strict.topic, key: 'k', payload: { n: 1 } },
      { topic: Strict.topic, key: 'k', payload: { n: 'two' } },
      { topic: Strict.topic, key: 'k', payload: { n: 3 } },
    ]),
  );
  await strict.instance.start();
  await waitFor(() => strict.ids().length === 2, 'the two events that keep the contract');
  expect(seen).toEqual([1, 3]);
  expect(strict.ids()).toEqual([ids[0], ids[2]]);
  await waitFor(async () => (await storedPosition('strict')) === ids[2], 'the position to move past the broken event');
  const logged = lines.map((line) => JSON.parse(line));
  expect(logged).toEqual([
    expect.objectContaining({
      level: 50,
      msg: 'event breaks its contract; skipped',
      consumer: 'strict',
      eventId: ids[1],
      topic: Strict.topic,
    }),
  ]);
});

it('stores the position past events of only other topics without handing them over, and skips them after a restart', async () => {
  const { instance, ids } = consumer('others', ['others.wanted']);
  await instance.start();
  const others = await publish('others.other', 'others.other');
  await waitFor(async () => (await storedPosition('others')) === others[1], 'the position to pass the other topics');
  expect(ids()).toEqual([]);
  const [wanted] = await publish('others.wanted');
  await waitFor(() => ids().length === 1, 'the wanted event');
  expect(ids()).toEqual([wanted]);
  await waitFor(async () => (await storedPosition('others')) === wanted, 'the position to pass the wanted event');
});
