import { createLogger } from '#platform/runtime';
import { createPromotionsServer } from '../src/server';
import { sweepExpiredRedemptions } from '../src/services/redemption-sweeper.service';
import { gqlData } from '../../../test/support/graphql-client';
import { asService, TEST_JWT_SECRET, type AuthHeaders } from '../../../test/support/tokens';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';
import { dbId } from '../../../test/support/ids';

/** Held uses of discounts lapse, so a checkout that crashed between reserve and commit frees them. */
let promos: PromotionsHarness;
let service: AuthHeaders;
beforeAll(async () => {
  promos = await startPromotions();
  service = await asService();
});
afterAll(() => promos.close());

const RESERVE = `mutation($input: DiscountRedemptionReserveInput!) { discountRedemptionReserve(input: $input) {
  redemptions { key status expiresAt } userErrors { field message code } } }`;
const COMMIT = `mutation($key: String!) { discountRedemptionCommit(key: $key) { redemptions { status } userErrors { field code } } }`;
const RELEASE = `mutation($key: String!) { discountRedemptionRelease(key: $key) { redemptions { status } userErrors { field code } } }`;

const knex = () => promos.server.orm.em.getConnection().getKnex();
const reserve = async (input: Record<string, unknown>) =>
  (await gqlData(promos.url, RESERVE, { input }, service)).discountRedemptionReserve;
const commit = async (key: string) => (await gqlData(promos.url, COMMIT, { key }, service)).discountRedemptionCommit;
const release = async (key: string) => (await gqlData(promos.url, RELEASE, { key }, service)).discountRedemptionRelease;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Sweeps until nothing is left, as the periodic sweeper would over a few ticks; how many it expired. */
async function sweepAll(batch?: number): Promise<number> {
  for (let total = 0; ;) {
    const swept = await sweepExpiredRedemptions(promos.server.orm, batch);
    if (swept === 0) return total;
    total += swept;
  }
}

async function discount(input: Record<string, unknown>): Promise<string> {
  const result = await gqlData(
    promos.url,
    `mutation($input: DiscountInput!) { discountCreate(input: $input) { discount { id } userErrors { message } } }`,
    {
      input: { kind: 'PERCENTAGE', value: '5', ...input },
    },
  );
  expect(result.discountCreate.userErrors).toEqual([]);
  return dbId(result.discountCreate.discount.id as string);
}

/** The counter as stored, and the uses its redemption rows say are taken: they must agree. */
async function uses(discountId: string): Promise<{ counter: number; held: number }> {
  const row = await knex()('promotions.discount').where({ id: discountId }).first();
  const held = await knex()('promotions.discount_redemption')
    .where({ discount_id: discountId })
    .whereIn('status', ['RESERVED', 'COMMITTED'])
    .count({ n: '*' })
    .first();
  return { counter: Number(row.usage_count), held: Number(held?.n) };
}

async function statusOf(key: string): Promise<string[]> {
  return (await knex()('promotions.discount_redemption').where({ key }).orderBy('discount_id')).map((r: { status: string }) => r.status);
}

describe('expiry of held uses', () => {
  it('holds uses for 15 minutes by default and says until when', async () => {
    const id = await discount({ title: 'Default hold' });
    const before = Date.now();
    const { redemptions } = await reserve({ key: 'default-hold', discountIds: [id] });
    const expiresAt = new Date(redemptions[0].expiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 900_000 - 1_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 900_000 + 1_000);
  });

  it.each([
    ['no time at all', 0, 'GREATER_THAN_OR_EQUAL_TO'],
    ['more than a day', 86_401, 'LESS_THAN_OR_EQUAL_TO'],
  ])('refuses a hold of %s and writes nothing', async (_label, ttlSeconds, code) => {
    const id = await discount({ title: `Bad hold ${ttlSeconds}` });
    const result = await reserve({ key: `bad-hold-${ttlSeconds}`, discountIds: [id], ttlSeconds });
    expect(result.redemptions).toBeNull();
    expect(result.userErrors).toEqual([expect.objectContaining({ field: ['input', 'ttlSeconds'], code })]);
    expect(await uses(id)).toEqual({ counter: 0, held: 0 });
  });

  it('gives an expired hold back: the commit is refused, the sweep frees the use for another checkout', async () => {
    const id = await discount({ title: 'Last one', usageLimit: 1 });
    expect((await reserve({ key: 'crashed-checkout', discountIds: [id], ttlSeconds: 1 })).redemptions).toHaveLength(1);
    expect((await reserve({ key: 'next-checkout', discountIds: [id] })).userErrors).toEqual([
      expect.objectContaining({ code: 'USAGE_LIMIT_REACHED' }),
    ]);
    await pause(1_100);

    // Past its time but not yet swept: refused like an expired stock reservation, and nothing changes.
    expect(await commit('crashed-checkout')).toEqual({ redemptions: null, userErrors: [{ field: ['key'], code: 'REDEMPTION_EXPIRED' }] });
    expect(await statusOf('crashed-checkout')).toEqual(['RESERVED']);
    expect(await uses(id)).toEqual({ counter: 1, held: 1 });

    expect(await sweepAll()).toBeGreaterThanOrEqual(1);
    expect(await statusOf('crashed-checkout')).toEqual(['EXPIRED']);
    expect(await uses(id)).toEqual({ counter: 0, held: 0 });
    expect(await sweepExpiredRedemptions(promos.server.orm)).toBe(0);

    // The use is free again; the crashed checkout's key stays spent, and releasing it changes nothing.
    expect((await reserve({ key: 'next-checkout-2', discountIds: [id] })).redemptions).toEqual([
      expect.objectContaining({ status: 'RESERVED' }),
    ]);
    expect((await reserve({ key: 'crashed-checkout', discountIds: [id], ttlSeconds: 1 })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'key'], code: 'REDEMPTION_EXPIRED' }),
    ]);
    expect((await release('crashed-checkout')).redemptions).toEqual([{ status: 'EXPIRED' }]);
    expect(await commit('crashed-checkout')).toEqual({ redemptions: null, userErrors: [{ field: ['key'], code: 'REDEMPTION_EXPIRED' }] });
    expect(await uses(id)).toEqual({ counter: 1, held: 1 });
  });

  it("never expires a committed use, and frees a customer's per-customer use when their hold lapses", async () => {
    const id = await discount({ title: 'Once each', usageLimitPerCustomer: 1 });
    await reserve({ key: 'placed', discountIds: [id], customerId: 'ada', ttlSeconds: 1 });
    expect((await commit('placed')).redemptions).toEqual([{ status: 'COMMITTED' }]);
    await reserve({ key: 'abandoned', discountIds: [id], customerId: 'bob', ttlSeconds: 1 });
    await pause(1_100);
    await sweepAll();
    expect(await statusOf('placed')).toEqual(['COMMITTED']);
    expect(await statusOf('abandoned')).toEqual(['EXPIRED']);
    expect(await uses(id)).toEqual({ counter: 1, held: 1 });
    expect((await reserve({ key: 'ada-again', discountIds: [id], customerId: 'ada' })).userErrors).toEqual([
      expect.objectContaining({ code: 'USAGE_LIMIT_REACHED' }),
    ]);
    expect((await reserve({ key: 'bob-again', discountIds: [id], customerId: 'bob' })).redemptions).toHaveLength(1);
  });

  it('gives each expired use back exactly once when replicas sweep at the same time', async () => {
    const [a, b] = [await discount({ title: 'Swept A' }), await discount({ title: 'Swept B' })];
    for (let i = 0; i < 30; i += 1) await reserve({ key: `swarm-${i}`, discountIds: i % 3 === 0 ? [a] : [a, b], ttlSeconds: 1 });
    expect(await uses(a)).toEqual({ counter: 30, held: 30 });
    await pause(1_100);
    const swept = await Promise.all([sweepAll(4), sweepAll(4), sweepAll(4), sweepAll(4)]);
    expect(swept.reduce((x, y) => x + y, 0)).toBe(50);
    expect(await uses(a)).toEqual({ counter: 0, held: 0 });
    expect(await uses(b)).toEqual({ counter: 0, held: 0 });
  });

  it('sweeps by itself on the configured interval', async () => {
    const id = await discount({ title: 'Swept by the timer' });
    await reserve({ key: 'timer', discountIds: [id], ttlSeconds: 1 });
    // A replica with its sweeper on: the server's setup runs it every redemptionSweepMs.
    const replica = await createPromotionsServer({
      databaseUrl: promos.products.db.url,
      productsUrl: promos.products.url,
      customersUrl: 'http://127.0.0.1:9/graphql',
      currencyCode: 'EUR',
      logger: createLogger('sweeper-test', 'silent'),
      jwtSecret: TEST_JWT_SECRET,
      redemptionSweepMs: 100,
    });
    try {
      for (let i = 0; i < 40 && (await statusOf('timer'))[0] !== 'EXPIRED'; i += 1) await pause(100);
    } finally {
      await replica.close();
    }
    expect(await statusOf('timer')).toEqual(['EXPIRED']);
    expect(await uses(id)).toEqual({ counter: 0, held: 0 });
  });
});

describe('uses of a cancelled order', () => {
  const RETURN = `mutation($key: String!) { discountRedemptionReturn(key: $key) { redemptions { status } userErrors { field code } } }`;
  const giveBack = async (key: string) => (await gqlData(promos.url, RETURN, { key }, service)).discountRedemptionReturn;

  it('go back to the discount once, committed or still held, so a code limited to one use can be used again', async () => {
    const id = await discount({ title: 'One use only', usageLimit: 1 });
    await reserve({ key: 'cancelled-order', discountIds: [id] });
    expect((await commit('cancelled-order')).redemptions).toEqual([{ status: 'COMMITTED' }]);
    expect((await reserve({ key: 'next-order', discountIds: [id] })).userErrors).toMatchObject([{ code: 'USAGE_LIMIT_REACHED' }]);
    expect((await giveBack('cancelled-order')).redemptions).toEqual([{ status: 'RELEASED' }]);
    expect((await giveBack('cancelled-order')).redemptions).toEqual([{ status: 'RELEASED' }]);
    expect(await uses(id)).toEqual({ counter: 0, held: 0 });
    expect((await commit('cancelled-order')).userErrors).toMatchObject([{ code: 'REDEMPTION_RELEASED' }]);
    await reserve({ key: 'held-order', discountIds: [id] });
    expect((await giveBack('held-order')).redemptions).toEqual([{ status: 'RELEASED' }]);
    expect(await uses(id)).toEqual({ counter: 0, held: 0 });
    expect((await giveBack('no-such-order')).userErrors).toMatchObject([{ code: 'NOT_FOUND' }]);
  });
});
