import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { ANONYMOUS, asService, bearer, type AuthHeaders } from '../../../test/support/tokens';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';
import { dbId } from '../../../test/support/ids';
import { SalesChannel } from '#platform/graphql';
import { earnPointsForOrder, takeBackPointsForOrder } from '../src/services/loyalty.service';

let promos: PromotionsHarness;
/** Internal commands answer only other subgraphs: a SERVICE token. */
let service: AuthHeaders;
beforeAll(async () => {
  promos = await startPromotions();
  service = await asService();
});
afterAll(() => promos.close());

const knex = () => promos.server.orm.em.getConnection().getKnex();
const count = async (table: string) => Number((await knex()(`promotions.${table}`).count({ n: '*' }).first())?.n);
const ACCOUNT = `account { customerId points pointsEarnedLastYear tier { name } } entry { id kind points balanceAfter }`;

const adjust = async (input: object, key?: string) =>
  (
    await gqlData(
      promos.url,
      `mutation($input: LoyaltyPointsAdjustInput!, $key: String) { loyaltyPointsAdjust(input: $input, idempotencyKey: $key) { ${ACCOUNT} userErrors { field code } } }`,
      { input, key },
    )
  ).loyaltyPointsAdjust;
const earn = async (input: object, key: string = randomUUID()) =>
  (
    await gqlData(
      promos.url,
      `mutation($input: LoyaltyPointsEarnInput!, $key: String!) { loyaltyPointsEarn(input: $input, idempotencyKey: $key) { ${ACCOUNT} userErrors { field code } } }`,
      { input, key },
      service,
    )
  ).loyaltyPointsEarn;
const redeem = async (input: object, key: string = randomUUID()) =>
  (
    await gqlData(
      promos.url,
      `mutation($input: LoyaltyPointsRedeemInput!, $key: String!) { loyaltyPointsRedeem(input: $input, idempotencyKey: $key) { ${ACCOUNT} value { amount } userErrors { field code } } }`,
      { input, key },
      service,
    )
  ).loyaltyPointsRedeem;

async function ledger(customerId: string) {
  const [row] = (
    await knex().raw(
      `select a.points, (select coalesce(sum(points), 0) from promotions.loyalty_entry e where e.account_id = a.id) as total from promotions.loyalty_account a where customer_id = ?`,
      [customerId],
    )
  ).rows;
  return { points: Number(row.points), total: Number(row.total) };
}

describe('loyalty', () => {
  it('shows the default programme, created on first use', async () => {
    const { loyaltyProgram } = await gqlData(
      promos.url,
      `{ loyaltyProgram { pointsPerCurrencyUnit channelMultipliers { channel multiplier } redemptionValuePerPoint { amount } tiers { name minimumPoints } } }`,
    );
    expect(loyaltyProgram).toEqual({
      pointsPerCurrencyUnit: 1,
      channelMultipliers: [{ channel: 'APP', multiplier: 2 }],
      redemptionValuePerPoint: { amount: '0.01' },
      tiers: [
        { name: 'BRONZE', minimumPoints: 0 },
        { name: 'SILVER', minimumPoints: 1000 },
        { name: 'GOLD', minimumPoints: 5000 },
      ],
    });
  });

  it('earns whole points at the channel multiplier, replays under the key, and moves up a tier', async () => {
    const customerId = `cust-${randomUUID()}`;
    const web = await earn({ customerId, amountSpent: { amount: '19.99' }, channel: 'WEB', reference: 'o-1' }, 'earn-1');
    expect(web).toMatchObject({
      userErrors: [],
      account: { points: 19, pointsEarnedLastYear: 19, tier: { name: 'BRONZE' } },
      entry: { kind: 'EARN', points: 19 },
    });
    const replay = await earn({ customerId, amountSpent: { amount: '19.99' }, channel: 'WEB', reference: 'o-1' }, 'earn-1');
    expect(replay.entry.id).toBe(web.entry.id);
    expect(replay.account.points).toBe(19);
    expect((await earn({ customerId, amountSpent: { amount: '20' }, channel: 'WEB', reference: 'o-1' }, 'earn-1')).userErrors).toEqual([
      { field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' },
    ]);
    expect((await earn({ customerId, amountSpent: { amount: '19.99' }, channel: 'APP' })).entry.points).toBe(39);
    const big = await earn({ customerId, amountSpent: { amount: '950' }, channel: 'POS' });
    expect(big.account).toMatchObject({ points: 1008, pointsEarnedLastYear: 1008, tier: { name: 'SILVER' } });
    // Manual adjustments move the balance but not the tier.
    expect((await adjust({ customerId, points: -500, reason: 'Correction' })).account).toMatchObject({
      points: 508,
      tier: { name: 'SILVER' },
    });
    expect((await adjust({ customerId, points: -509, reason: 'Too much' })).userErrors).toEqual([
      { field: ['input', 'points'], code: 'INSUFFICIENT_POINTS' },
    ]);
    expect(await ledger(customerId)).toEqual({ points: 508, total: 508 });
  });

  it.each([
    ['zero points', { points: 0 }, ['input', 'points'], 'INVALID'],
    ['a blank reason', { points: 5, reason: ' ' }, ['input', 'reason'], 'BLANK'],
    ['points from a customer without an account', { points: -1 }, ['input', 'customerId'], 'NOT_FOUND'],
  ])('refuses an adjustment of %s and writes nothing', async (_label, override, field, code) => {
    const [accounts, entries] = [await count('loyalty_account'), await count('loyalty_entry')];
    const result = await adjust({ customerId: `cust-${randomUUID()}`, reason: 'x', ...override }, randomUUID());
    expect(result.account).toBeNull();
    expect(result.userErrors).toContainEqual({ field, code });
    expect([await count('loyalty_account'), await count('loyalty_entry')]).toEqual([accounts, entries]);
  });

  it('takes back the points of a refund never below zero, and records what it could not take back', async () => {
    const customerId = randomUUID();
    const em = () => promos.server.orm.em.fork();
    await em().transactional((tx) =>
      earnPointsForOrder(tx, {
        orderId: randomUUID(),
        customerId,
        paidMinor: 10_000,
        currencyCode: 'EUR',
        channel: SalesChannel.WEB,
        number: '#9001',
      }),
    );
    const [earned] = await knex()('promotions.loyalty_account').where({ customer_id: customerId }).select('points');
    expect(earned.points).toBeGreaterThan(10);
    // The customer spends all but 10 points, then the whole order is refunded.
    expect((await adjust({ customerId, points: -(earned.points - 10), reason: 'spent' })).userErrors).toEqual([]);
    const takeBack = {
      eventId: randomUUID(),
      customerId,
      number: '#9001',
      refundedMinor: 10_000,
      totalMinor: 10_000,
      whole: false,
      cause: 'refunded' as const,
    };
    await em().transactional((tx) => takeBackPointsForOrder(tx, takeBack));
    await em().transactional((tx) => takeBackPointsForOrder(tx, { ...takeBack, eventId: randomUUID() }));
    const entries = await knex()('promotions.loyalty_entry as e')
      .join('promotions.loyalty_account as a', 'a.id', 'e.account_id')
      .where({ 'a.customer_id': customerId, 'e.reference': 'order-refunded:#9001' })
      .select('e.points', 'e.shortfall', 'e.balance_after');
    // One take-back: 10 points, the rest recorded as its shortfall; the second finds nothing left to take.
    expect(entries).toEqual([{ points: -10, shortfall: earned.points - 10, balance_after: 0 }]);
  });

  it('refuses earning on a negative amount or in another currency', async () => {
    const customerId = `cust-${randomUUID()}`;
    expect((await earn({ customerId, amountSpent: { amount: '-1' }, channel: 'WEB' })).userErrors).toEqual([
      { field: ['input', 'amountSpent', 'amount'], code: 'GREATER_THAN_OR_EQUAL_TO' },
    ]);
    expect((await earn({ customerId, amountSpent: { amount: '5', currencyCode: 'USD' }, channel: 'WEB' })).userErrors).toEqual([
      { field: ['input', 'amountSpent', 'currencyCode'], code: 'CURRENCY_MISMATCH' },
    ]);
  });

  it('redeems only the points there are under 20 concurrent redemptions, and prices them', async () => {
    const customerId = `cust-${randomUUID()}`;
    await adjust({ customerId, points: 95, reason: 'Welcome' }, randomUUID());
    const results = await Promise.all(Array.from({ length: 20 }, () => redeem({ customerId, points: 10, reference: 'o' })));
    const ok = results.filter((r) => r.userErrors.length === 0);
    expect(ok).toHaveLength(9);
    for (const r of ok) expect(r.value).toEqual({ amount: '0.10' });
    for (const r of results.filter((x) => x.userErrors.length > 0))
      expect(r.userErrors).toEqual([{ field: ['input', 'points'], code: 'INSUFFICIENT_POINTS' }]);
    expect(await ledger(customerId)).toEqual({ points: 5, total: 5 });
  });
});

describe('Customer from promotions', () => {
  const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { id loyalty { points tier { name } } storeCredit { amount currencyCode } giftCards { lastCharacters balance { amount } } } } }`;

  it('resolves loyalty, store credit and gift cards for many customers at once, with empty defaults', async () => {
    const rich = `cust-${randomUUID()}`;
    const none = `cust-${randomUUID()}`;
    await adjust({ customerId: rich, points: 42, reason: 'Welcome' });
    await gqlData(promos.url, `mutation($input: StoreCreditIssueInput!) { storeCreditIssue(input: $input) { userErrors { code } } }`, {
      input: { customerId: rich, amount: { amount: '12.34' }, reason: 'Return' },
    });
    const card = (
      await gqlData(
        promos.url,
        `mutation($input: GiftCardCreateInput!) { giftCardCreate(input: $input) { giftCard { lastCharacters } } }`,
        { input: { initialValue: { amount: '15' }, customerId: rich } },
      )
    ).giftCardCreate.giftCard;
    const { _entities } = await gqlData(promos.url, ENTITIES, {
      reps: [
        { __typename: 'Customer', id: rich },
        { __typename: 'Customer', id: none },
      ],
    });
    expect(_entities.map((e: { id: string }) => ({ ...e, id: dbId(e.id) }))).toEqual([
      {
        id: rich,
        loyalty: { points: 42, tier: { name: 'BRONZE' } },
        storeCredit: { amount: '12.34', currencyCode: 'EUR' },
        giftCards: [{ lastCharacters: card.lastCharacters, balance: { amount: '15.00' } }],
      },
      { id: none, loyalty: { points: 0, tier: { name: 'BRONZE' } }, storeCredit: { amount: '0.00', currencyCode: 'EUR' }, giftCards: [] },
    ]);
  });

  it('shows balances to their customer and to staff, never to another customer', async () => {
    const ada = randomUUID();
    const bob = randomUUID();
    await adjust({ customerId: bob, points: 7, reason: 'Welcome' });
    const asAda = await bearer(Role.CUSTOMER, { subject: ada });
    const own = await gql(promos.url, ENTITIES, { reps: [{ __typename: 'Customer', id: ada }] }, asAda);
    expect(own.errors).toBeUndefined();
    expect(own.data?._entities[0].loyalty.points).toBe(0);
    const other = await gql(promos.url, ENTITIES, { reps: [{ __typename: 'Customer', id: bob }] }, asAda);
    expect(other.errors?.length).toBeGreaterThan(0);
    expect(other.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(other.data)).not.toContain('"points":7');
    const anonymous = await gql(promos.url, ENTITIES, { reps: [{ __typename: 'Customer', id: bob }] }, ANONYMOUS);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const staff = await gqlData(promos.url, ENTITIES, { reps: [{ __typename: 'Customer', id: bob }] }, await bearer(Role.STAFF));
    expect(staff._entities[0].loyalty.points).toBe(7);
  });
});
