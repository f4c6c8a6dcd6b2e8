import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { ANONYMOUS, asService, bearer } from '../../../test/support/tokens';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';

/** Managers change how points are earned and what they are worth; what was earned stays. */
let promos: PromotionsHarness;
beforeAll(async () => {
  promos = await startPromotions();
});
afterAll(() => promos.close());

const PROGRAM = `pointsPerCurrencyUnit channelMultipliers { channel multiplier } redemptionValuePerPoint { amount currencyCode } tiers { name minimumPoints }`;
const UPDATE = `mutation($input: LoyaltyProgramUpdateInput!) { loyaltyProgramUpdate(input: $input) { loyaltyProgram { ${PROGRAM} } userErrors { field message code } } }`;

const update = async (input: Record<string, unknown>, headers?: Record<string, string>) =>
  (await gqlData(promos.url, UPDATE, { input }, headers)).loyaltyProgramUpdate;
const program = async () => (await gqlData(promos.url, `{ loyaltyProgram { ${PROGRAM} } }`)).loyaltyProgram;
const storedProgram = async () => promos.server.orm.em.getConnection().getKnex()('promotions.loyalty_program').first();

async function earn(customerId: string, amount: string, channel: string) {
  const { loyaltyPointsEarn } = await gqlData(
    promos.url,
    `mutation($input: LoyaltyPointsEarnInput!, $key: String!) { loyaltyPointsEarn(input: $input, idempotencyKey: $key) {
      account { points tier { name } } entry { id points } userErrors { code } } }`,
    { input: { customerId, amountSpent: { amount }, channel }, key: randomUUID() },
    await asService(),
  );
  expect(loyaltyPointsEarn.userErrors).toEqual([]);
  return loyaltyPointsEarn;
}

describe('loyaltyProgramUpdate', () => {
  it('is for managers: staff and customers are refused, anonymous callers told to sign in', async () => {
    const input = { pointsPerCurrencyUnit: 1 };
    for (const role of [Role.STAFF, Role.CUSTOMER, Role.KIOSK]) {
      const refused = await gql(promos.url, UPDATE, { input }, await bearer(role));
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?.loyaltyProgramUpdate ?? null).toBeNull();
    }
    const anonymous = await gql(promos.url, UPDATE, { input }, ANONYMOUS);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await update(input, await bearer(Role.MANAGER))).userErrors).toEqual([]);
    expect((await update(input, await bearer(Role.ADMIN))).userErrors).toEqual([]);
  });

  it.each([
    ['zero points per unit', { pointsPerCurrencyUnit: 0 }, ['input', 'pointsPerCurrencyUnit'], 'GREATER_THAN_OR_EQUAL_TO'],
    [
      'a zero multiplier',
      { channelMultipliers: [{ channel: 'APP', multiplier: 0 }] },
      ['input', 'channelMultipliers', '0', 'multiplier'],
      'GREATER_THAN_OR_EQUAL_TO',
    ],
    [
      'a negative multiplier',
      { channelMultipliers: [{ channel: 'APP', multiplier: -2 }] },
      ['input', 'channelMultipliers', '0', 'multiplier'],
      'GREATER_THAN_OR_EQUAL_TO',
    ],
    [
      'a multiplier with four decimals',
      { channelMultipliers: [{ channel: 'APP', multiplier: 1.2345 }] },
      ['input', 'channelMultipliers', '0', 'multiplier'],
      'INVALID',
    ],
    [
      'a multiplier over 100',
      { channelMultipliers: [{ channel: 'APP', multiplier: 100.5 }] },
      ['input', 'channelMultipliers', '0', 'multiplier'],
      'LESS_THAN_OR_EQUAL_TO',
    ],
    [
      'a channel named twice',
      {
        channelMultipliers: [
          { channel: 'APP', multiplier: 2 },
          { channel: 'APP', multiplier: 3 },
        ],
      },
      ['input', 'channelMultipliers', '1', 'channel'],
      'TAKEN',
    ],
    [
      'a point worth nothing',
      { redemptionValuePerPoint: { amount: '0' } },
      ['input', 'redemptionValuePerPoint', 'amount'],
      'GREATER_THAN_OR_EQUAL_TO',
    ],
    [
      'a point worth too much',
      { redemptionValuePerPoint: { amount: '100.01' } },
      ['input', 'redemptionValuePerPoint', 'amount'],
      'LESS_THAN_OR_EQUAL_TO',
    ],
    [
      'a point value in fractions of a cent',
      { redemptionValuePerPoint: { amount: '0.005' } },
      ['input', 'redemptionValuePerPoint', 'amount'],
      'INVALID',
    ],
    [
      'a point value in another currency',
      { redemptionValuePerPoint: { amount: '0.01', currencyCode: 'USD' } },
      ['input', 'redemptionValuePerPoint', 'currencyCode'],
      'CURRENCY_MISMATCH',
    ],
    ['no tiers', { tiers: [] }, ['input', 'tiers'], 'BLANK'],
    ['a first tier above zero', { tiers: [{ name: 'SILVER', minimumPoints: 10 }] }, ['input', 'tiers', '0', 'minimumPoints'], 'INVALID'],
    [
      'thresholds out of order',
      {
        tiers: [
          { name: 'A', minimumPoints: 0 },
          { name: 'B', minimumPoints: 500 },
          { name: 'C', minimumPoints: 200 },
        ],
      },
      ['input', 'tiers', '2', 'minimumPoints'],
      'INVALID',
    ],
    [
      'two tiers at one threshold',
      {
        tiers: [
          { name: 'A', minimumPoints: 0 },
          { name: 'B', minimumPoints: 0 },
        ],
      },
      ['input', 'tiers', '1', 'minimumPoints'],
      'INVALID',
    ],
    [
      'a tier name used twice',
      {
        tiers: [
          { name: 'Gold', minimumPoints: 0 },
          { name: ' GOLD ', minimumPoints: 10 },
        ],
      },
      ['input', 'tiers', '1', 'name'],
      'TAKEN',
    ],
    ['a blank tier name', { tiers: [{ name: '  ', minimumPoints: 0 }] }, ['input', 'tiers', '0', 'name'], 'BLANK'],
    [
      'a negative threshold',
      {
        tiers: [
          { name: 'A', minimumPoints: 0 },
          { name: 'B', minimumPoints: -5 },
        ],
      },
      ['input', 'tiers', '1', 'minimumPoints'],
      'GREATER_THAN_OR_EQUAL_TO',
    ],
    [
      'eleven tiers',
      { tiers: Array.from({ length: 11 }, (_, i) => ({ name: `T${i}`, minimumPoints: i * 100 })) },
      ['input', 'tiers'],
      'TOO_MANY',
    ],
  ])('refuses %s and changes nothing, not even the valid fields beside it', async (_label, bad, field, code) => {
    await program();
    const before = await storedProgram();
    const result = await update({ pointsPerCurrencyUnit: 7, ...bad });
    expect(result.loyaltyProgram).toBeNull();
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await storedProgram()).toEqual(before);
  });

  it('earns at the new settings from the next purchase on, and leaves points already earned as they were', async () => {
    const customerId = `cust-${randomUUID()}`;
    const first = await earn(customerId, '19.99', 'WEB');
    expect(first.account).toEqual({ points: 19, tier: { name: 'BRONZE' } });

    const result = await update({
      pointsPerCurrencyUnit: 2,
      channelMultipliers: [
        { channel: 'WEB', multiplier: 1.5 },
        { channel: 'KIOSK', multiplier: 0.125 },
      ],
      redemptionValuePerPoint: { amount: '0.02' },
      tiers: [
        { name: ' Member ', minimumPoints: 0 },
        { name: 'Insider', minimumPoints: 40 },
      ],
    });
    const expected = {
      pointsPerCurrencyUnit: 2,
      channelMultipliers: expect.arrayContaining([
        { channel: 'WEB', multiplier: 1.5 },
        { channel: 'KIOSK', multiplier: 0.125 },
      ]),
      redemptionValuePerPoint: { amount: '0.02', currencyCode: 'EUR' },
      tiers: [
        { name: 'Member', minimumPoints: 0 },
        { name: 'Insider', minimumPoints: 40 },
      ],
    };
    expect(result).toEqual({ userErrors: [], loyaltyProgram: expected });
    expect(await program()).toEqual(expected);

    // 10.00 × 2 × 1.5 on the web; the app's old 2× is gone with the list it was in; 8.00 × 2 × 0.125 at a kiosk.
    expect((await earn(customerId, '10.00', 'WEB')).entry.points).toBe(30);
    expect((await earn(customerId, '10.00', 'APP')).entry.points).toBe(20);
    const last = await earn(customerId, '8.00', 'KIOSK');
    expect(last.entry.points).toBe(2);
    expect(last.account).toEqual({ points: 19 + 30 + 20 + 2, tier: { name: 'Insider' } });
    const firstEntry = await promos.server.orm.em
      .getConnection()
      .getKnex()('promotions.loyalty_entry')
      .where({ id: first.entry.id })
      .first();
    expect(firstEntry).toMatchObject({ points: 19, balance_after: 19 });

    const { loyaltyPointsRedeem } = await gqlData(
      promos.url,
      `mutation($input: LoyaltyPointsRedeemInput!) { loyaltyPointsRedeem(input: $input, idempotencyKey: "${randomUUID()}") { value { amount } userErrors { code } } }`,
      { input: { customerId, points: 10 } },
      await asService(),
    );
    expect(loyaltyPointsRedeem).toEqual({ value: { amount: '0.20' }, userErrors: [] });
  });

  it('changes only the settings named', async () => {
    const before = await program();
    const result = await update({ pointsPerCurrencyUnit: 3 });
    expect(result.loyaltyProgram).toEqual({ ...before, pointsPerCurrencyUnit: 3 });
    expect((await update({})).loyaltyProgram).toEqual({ ...before, pointsPerCurrencyUnit: 3 });
  });
});
