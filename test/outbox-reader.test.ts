import { createLogger, OutboxReader, publishEvents, type BusEvent } from '../subgraphs/platform/src';
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
  const reader = new OutboxReader({ databaseUrl: db.url, schemas: ['inventory'], logger: createLogger('reader-test', 'silent'), pollMs: 50 }, (events: BusEvent[]) => {
    deliveries.push(events.map((e) => e.id));
    if (failNext) {
      failNext = false;
      throw new Error('consumer failed');
    }
  });
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
