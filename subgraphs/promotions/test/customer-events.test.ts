import { Writable } from 'node:stream';
import pino from 'pino';
import { CustomerErased, CustomerMerged } from '#contracts/customers';
import { publishEvents } from '#platform/outbox';
import { gqlData } from '../../../test/support/graphql-client';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';
import { dbId } from '../../../test/support/ids';

/**
 * The customers subgraph's events reach promotions through a durable consumer that parses each
 * payload with the customers contract: one that breaks it is a producer bug no retry mends, so
 * it is logged as an error and skipped, and the events after it are still handled.
 */
let promos: PromotionsHarness;
const logged: { level: number; msg: string; eventId?: number; topic?: string }[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  });
  promos = await startPromotions({ logger: pino({ level: 'error' }, sink) });
});
afterAll(() => promos?.close());

const knex = () => promos.server.orm.em.getConnection().getKnex();

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Writes events into the customers outbox (in the same database here), as the customers subgraph would. */
function publish(events: { topic: string; key: string; payload: Record<string, unknown> }[]): Promise<number[]> {
  return promos.server.orm.em.fork().transactional((em) => publishEvents(em, 'customers', events));
}

async function giftCardFor(customerId: string, note: string): Promise<string> {
  const { giftCardCreate } = await gqlData(
    promos.url,
    `mutation($input: GiftCardCreateInput!) { giftCardCreate(input: $input) { giftCard { id } userErrors { code } } }`,
    { input: { initialValue: { amount: '25' }, customerId, note } },
  );
  return dbId(giftCardCreate.giftCard.id as string);
}

it('skips and logs an event whose payload breaks the contract, and handles the events after it', async () => {
  const card = await giftCardFor('customer-erased-1', 'From Grandma');
  const kept = await giftCardFor('customer-kept-1', 'Loyal rider');
  const [broken, merged] = await publish([
    { topic: CustomerErased.topic, key: 'bad', payload: { customerId: 42 } },
    { topic: CustomerMerged.topic, key: 'customer-dup-1', payload: { sourceId: 'customer-kept-1', targetId: 'customer-main-1' } },
    CustomerErased.event('customer-erased-1', { customerId: 'customer-erased-1' }),
  ]);
  const erased = await eventually(
    () => knex()('promotions.gift_card').where({ id: card }).first(),
    (row) => row.note === null,
    'the erasure after the broken event to be handled',
  );
  expect(erased.customer_id).toBe('customer-erased-1');
  expect((await knex()('promotions.gift_card').where({ id: kept }).first()).customer_id).toBe('customer-main-1');
  expect(merged).toBeGreaterThan(broken);
  expect(logged).toContainEqual(
    expect.objectContaining({
      level: 50,
      msg: 'event breaks its contract; skipped',
      consumer: 'promotions.customer-events',
      eventId: broken,
      topic: CustomerErased.topic,
    }),
  );
  expect(logged.filter((line) => line.msg === 'event breaks its contract; skipped')).toHaveLength(1);
});
