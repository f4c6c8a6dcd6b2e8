import { Client } from 'pg';
import { EVENTS_CHANNEL, OutboxReader, type BusEvent } from '#platform/events';
import { publishEvents } from '#platform/outbox';
import { createLogger } from '#platform/runtime';
import { inventorySubgraph } from '../subgraphs/inventory/src/subgraph';
import { createTestDatabase, openTestOrm, type TestDatabase } from './support/database';

/** The outbox reader delivers at least once: a batch whose delivery failed is read again. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

it('reads a batch again when its delivery failed, and moves on only once delivered', async () => {
  const orm = await openTestOrm(db, inventorySubgraph);
  const deliveries: number[][] = [];
  let failNext = true;
  const reader = new OutboxReader(
    { databaseUrl: db.url, schemas: ['inventory'], logger: createLogger('reader-test', 'silent'), pollMs: 50 },
    (events: BusEvent[]) => {
      deliveries.push(events.map((e) => e.id));
      if (failNext) {
        failNext = false;
        throw new Error('consumer failed');
      }
    },
  );
  try {
    await reader.start();
    await orm.em.fork().transactional((em) => publishEvents(em, 'inventory', [{ topic: 't', key: 'k', payload: { version: 1 } }]));
    for (let i = 0; i < 100 && deliveries.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(deliveries).toHaveLength(2);
    expect(deliveries[1]).toEqual(deliveries[0]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(deliveries).toHaveLength(2);
  } finally {
    await reader.stop();
    await orm.close();
  }
});

it('gives a successor a position below an id still in flight, so the relay handing over cannot skip it', async () => {
  const orm = await openTestOrm(db, inventorySubgraph);
  const delivered: number[] = [];
  const resumes: number[] = [];
  const reader = new OutboxReader(
    { databaseUrl: db.url, schemas: ['inventory'], logger: createLogger('reader-test', 'silent'), pollMs: 50 },
    (events, batch) => {
      delivered.push(...events.map((e) => e.id));
      resumes.push(batch.resumeAfter);
    },
  );
  const slow = new Client({ connectionString: db.url });
  await slow.connect();
  const waitFor = async (condition: () => boolean) => {
    for (let i = 0; i < 100 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(condition()).toBe(true);
  };
  try {
    await reader.start();
    await slow.query('begin');
    const { rows } = await slow.query(
      `insert into inventory.outbox_event (topic, key, payload, created_at) values ('t', 'late', '{}', now()) returning id`,
    );
    const late = Number(rows[0].id);
    const [quick] = await orm.em.fork().transactional((em) => publishEvents(em, 'inventory', [{ topic: 't', key: 'quick', payload: {} }]));
    await waitFor(() => delivered.includes(quick));
    expect(resumes.at(-1)).toBe(late - 1);
    await slow.query('commit');
    await waitFor(() => delivered.includes(late));
    expect(resumes.at(-1)).toBe(quick);
  } finally {
    await slow.query('rollback').catch(() => {});
    await slow.end();
    await reader.stop();
    await orm.close();
  }
});

it('pauses longer after each failed delivery instead of retrying on every notification', async () => {
  const orm = await openTestOrm(db, inventorySubgraph);
  let failing = true;
  let attempts = 0;
  const delivered: number[] = [];
  const reader = new OutboxReader(
    { databaseUrl: db.url, schemas: ['inventory'], logger: createLogger('reader-test', 'silent'), pollMs: 50 },
    (events: BusEvent[]) => {
      attempts += 1;
      if (failing) throw new Error('consumer down');
      delivered.push(...events.map((e) => e.id));
    },
  );
  try {
    await reader.start();
    // About a second of commits, each notifying: retried at that rate, the consumer would be asked 30 times or more.
    const ids: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      ids.push(
        ...(await orm.em.fork().transactional((em) => publishEvents(em, 'inventory', [{ topic: 't', key: `burst-${i}`, payload: {} }]))),
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(attempts).toBeLessThanOrEqual(8);
    failing = false;
    for (let i = 0; i < 250 && delivered.length < ids.length; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(delivered).toEqual(expect.arrayContaining(ids));
  } finally {
    await reader.stop();
    await orm.close();
  }
});

it('is woken only by notifications of its schema naming a topic it wants; the others wait for the next read', async () => {
  const orm = await openTestOrm(db, inventorySubgraph);
  const batches: number[][] = [];
  const reader = new OutboxReader(
    // No poll during the test: only notifications wake it.
    { databaseUrl: db.url, schemas: ['inventory'], logger: createLogger('reader-test', 'silent'), pollMs: 600_000, wakeTopics: ['wanted'] },
    (events: BusEvent[]) => void batches.push(events.map((e) => e.id)),
  );
  const publish = (topic: string) =>
    orm.em.fork().transactional((em) => publishEvents(em, 'inventory', [{ topic, key: 'k', payload: {} }]));
  try {
    await reader.start();
    const [other] = await publish('other');
    await orm.em
      .fork()
      .getConnection()
      .execute(`select pg_notify('${EVENTS_CHANNEL}', '{"schema":"elsewhere","events":[{"id":1,"topic":"wanted"}]}')`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches).toEqual([]);
    const [wanted] = await publish('wanted');
    for (let i = 0; i < 100 && batches.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toEqual([[other, wanted]]);
  } finally {
    await reader.stop();
    await orm.close();
  }
});

it('announces what an outbox write committed, in the same statement: ids, topics, keys and numeric versions, and nothing for a rollback', async () => {
  const orm = await openTestOrm(db, inventorySubgraph);
  const listener = new Client({ connectionString: db.url });
  await listener.connect();
  const heard: string[] = [];
  listener.on('notification', (message) => heard.push(message.payload ?? ''));
  await listener.query(`listen ${EVENTS_CHANNEL}`);
  const waitFor = async (count: number) => {
    for (let i = 0; i < 100 && heard.length < count; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  try {
    const ids = await orm.em.fork().transactional((em) =>
      publishEvents(em, 'inventory', [
        { topic: 'inventory.level_changed', key: 'a', payload: { version: 7, sku: 'A' } },
        { topic: 'inventory.low_stock', key: 'b', payload: { version: 'not a number' } },
      ]),
    );
    await waitFor(1);
    expect(heard.map((payload) => JSON.parse(payload) as unknown)).toEqual([
      {
        schema: 'inventory',
        events: [
          { id: ids[0], topic: 'inventory.level_changed', key: 'a', version: 7 },
          { id: ids[1], topic: 'inventory.low_stock', key: 'b' },
        ],
      },
    ]);
    expect(ids[1]).toBeGreaterThan(ids[0]);
    await orm.em
      .fork()
      .transactional(async (em) => {
        await publishEvents(em, 'inventory', [{ topic: 't', key: 'rolled back', payload: {} }]);
        throw new Error('undo');
      })
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toHaveLength(1);
  } finally {
    await listener.end();
    await orm.close();
  }
});
