import { Client } from 'pg';
import type { Orm } from '#platform/db';
import { RedisEventBus, type BusEvent } from '#platform/events';
import { publishEvents } from '#platform/outbox';
import { createLogger } from '#platform/runtime';
import { inventorySubgraph } from '../subgraphs/inventory/src/subgraph';
import { createTestDatabase, openTestOrm, type TestDatabase } from './support/database';

/**
 * The Redis bus's relay stores where it stopped reading; a replica that takes over continues
 * from there. An outbox id taken by a transaction that commits late must not fall behind it.
 */
const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('the Redis relay (REDIS_URL)', () => {
  let db: TestDatabase;
  let orm: Orm;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openTestOrm(db, inventorySubgraph);
  });
  afterAll(async () => {
    await orm?.close();
    await db?.drop();
  });

  const bus = () =>
    new RedisEventBus({
      redisUrl: redisUrl as string,
      databaseUrl: db.url,
      schemas: ['inventory'],
      logger: createLogger('relay-test', 'silent'),
      pollMs: 50,
    });
  const waitFor = async (condition: () => boolean, what: string) => {
    for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    if (!condition()) throw new Error(`timed out waiting for ${what}`);
  };

  it('hands a late-committing event to the next relay instead of skipping it', async () => {
    const first = bus();
    const seen: number[] = [];
    await first.start();
    first.subscribe((events: BusEvent[]) => seen.push(...events.map((e) => e.id)));
    const slow = new Client({ connectionString: db.url });
    await slow.connect();
    try {
      await slow.query('begin');
      const { rows } = await slow.query(
        `insert into inventory.outbox_event (topic, key, payload, created_at) values ('late', 'k', '{}', now()) returning id`,
      );
      const lateId = Number(rows[0].id);
      const [quickId] = await orm.em
        .fork()
        .transactional((em) => publishEvents(em, 'inventory', [{ topic: 'quick', key: 'k', payload: {} }]));
      await waitFor(() => seen.includes(quickId), 'the quick event');
      // One more batch, so the relay has stored a position past the quick event.
      const [nextId] = await orm.em
        .fork()
        .transactional((em) => publishEvents(em, 'inventory', [{ topic: 'next', key: 'k', payload: {} }]));
      await waitFor(() => seen.includes(nextId), 'the next event');
      await first.stop();

      await slow.query('commit');
      const second = bus();
      const later: number[] = [];
      await second.start();
      second.subscribe((events: BusEvent[]) => later.push(...events.map((e) => e.id)));
      try {
        await waitFor(() => later.includes(lateId), 'the late event from the new relay');
        expect(seen).not.toContain(lateId);
      } finally {
        await second.stop();
      }
    } finally {
      await slow.query('rollback').catch(() => {});
      await slow.end();
    }
  });
});
