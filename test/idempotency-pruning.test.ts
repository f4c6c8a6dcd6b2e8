import { idempotent, pruneIdempotencyRecords, type Orm } from '../subgraphs/platform/src';
import { inventorySubgraph } from '../subgraphs/inventory/src/subgraph';
import { createTestDatabase, openTestOrm, type TestDatabase } from './support/database';

/** Idempotency keys are remembered for a week, then forgotten, so the table does not grow for ever. */
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
  const run = (key: string) => orm.em.fork().transactional((em) => idempotent(em, 'inventory', 'spec', key, { key }, async () => ({ key })));
  await Promise.all(['old-1', 'old-2', 'recent'].map(run));
  const knex = orm.em.getConnection().getKnex();
  await knex('inventory.idempotency_record').whereIn('key', ['old-1', 'old-2']).update({ created_at: knex.raw("now() - interval '8 days'") });

  expect(await pruneIdempotencyRecords(orm.em.fork(), 'inventory', 7, 1)).toBe(1); // batches are bounded
  expect(await pruneIdempotencyRecords(orm.em.fork(), 'inventory')).toBe(1);
  expect(await pruneIdempotencyRecords(orm.em.fork(), 'inventory')).toBe(0);
  expect((await knex('inventory.idempotency_record').select('key')).map((r: { key: string }) => r.key)).toEqual(['recent']);
  expect((await run('recent')).replayed).toBe(true);
  expect((await run('old-1')).replayed).toBe(false);
});
