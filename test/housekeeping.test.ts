import { idempotent, pruneIdempotencyRecords, pruneRateLimitCounters, SharedRateLimiter, type Orm } from '#platform/db';
import { customersSubgraph } from '../subgraphs/customers/src/subgraph';
import { inventorySubgraph } from '../subgraphs/inventory/src/subgraph';
import { createTestDatabase, openTestOrm, type TestDatabase } from './support/database';

/**
 * What every subgraph cleans up as it runs, so its tables do not grow for ever: idempotency keys
 * after a week, rate-limit counters an hour after their window ended.
 */
let db: TestDatabase;
let orm: Orm;
beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openTestOrm(db, inventorySubgraph);
});
afterAll(async () => {
  await orm.close();
  await db.drop();
});

it('forgets keys older than the retention and keeps recent ones, which still replay', async () => {
  const run = (key: string) =>
    orm.em.fork().transactional((em) => idempotent(em, 'inventory', 'spec', key, { key }, async () => ({ key })));
  await Promise.all(['old-1', 'old-2', 'recent'].map(run));
  const knex = orm.em.getConnection().getKnex();
  await knex('inventory.idempotency_record')
    .whereIn('key', ['old-1', 'old-2'])
    .update({ created_at: knex.raw("now() - interval '8 days'") });

  expect(await pruneIdempotencyRecords(orm.em.fork(), 'inventory', 7, 1)).toBe(1); // batches are bounded
  expect(await pruneIdempotencyRecords(orm.em.fork(), 'inventory')).toBe(1);
  expect(await pruneIdempotencyRecords(orm.em.fork(), 'inventory')).toBe(0);
  expect((await knex('inventory.idempotency_record').select('key')).map((r: { key: string }) => r.key)).toEqual(['recent']);
  expect((await run('recent')).replayed).toBe(true);
  expect((await run('old-1')).replayed).toBe(false);
});

it('forgets rate-limit counters an hour after their window, and counts in the database until then', async () => {
  const customers = await openTestOrm(db, customersSubgraph);
  try {
    const limiter = new SharedRateLimiter(customers, 'customers', { name: 'spec', points: 2, windowSeconds: 60 });
    expect(await limiter.consume('caller')).toBeNull();
    expect(await limiter.consume('caller')).toBeNull();
    expect(await limiter.consume('caller')).toBeGreaterThan(0);
    await limiter.consume('other');
    const knex = customers.em.getConnection().getKnex();
    await knex('customers.rate_limit')
      .where({ key: 'spec:other' })
      .update({ expire: Date.now() - 2 * 3_600_000 });
    expect(await pruneRateLimitCounters(customers.em.fork(), 'customers')).toBe(1);
    expect((await knex('customers.rate_limit').select('key')).map((r: { key: string }) => r.key)).toEqual(['spec:caller']);
  } finally {
    await customers.close();
  }
});
