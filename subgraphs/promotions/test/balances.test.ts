import { toGlobalId } from '#platform/ids';
import { randomUUID } from 'node:crypto';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { asService, type AuthHeaders } from '../../../test/support/tokens';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';
import { dbId } from '../../../test/support/ids';

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
const eur = (amount: string) => ({ amount });

const ISSUE = `mutation($input: StoreCreditIssueInput!, $key: String) { storeCreditIssue(input: $input, idempotencyKey: $key) {
  account { customerId balance { amount currencyCode } } entry { id amount { amount } balanceAfter { amount } reason } userErrors { field code } } }`;
const SC_DEBIT = `mutation($input: StoreCreditDebitInput!, $key: String!) { storeCreditDebit(input: $input, idempotencyKey: $key) {
  account { balance { amount } } entry { id amount { amount } } userErrors { field code } } }`;
const GC_CREATE = `mutation($input: GiftCardCreateInput!) { giftCardCreate(input: $input) { giftCardCode giftCard { id lastCharacters expiresOn balance { amount } initialValue { amount } } userErrors { field code } } }`;
const GC_DEBIT = `mutation($input: GiftCardDebitInput!, $key: String!) { giftCardDebit(input: $input, idempotencyKey: $key) {
  giftCard { balance { amount } } transaction { id kind amount { amount } balanceAfter { amount } } userErrors { field code } } }`;
const GC_REFUND = `mutation($input: GiftCardRefundInput!, $key: String!) { giftCardRefund(input: $input, idempotencyKey: $key) {
  giftCard { balance { amount } } transaction { kind amount { amount } } userErrors { field code } } }`;

const issue = async (input: object, key?: string) => (await gqlData(promos.url, ISSUE, { input, key })).storeCreditIssue;
const scDebit = async (input: object, key: string = randomUUID()) =>
  (await gqlData(promos.url, SC_DEBIT, { input, key }, service)).storeCreditDebit;
const createCard = async (input: object) => (await gqlData(promos.url, GC_CREATE, { input })).giftCardCreate;
const gcDebit = async (input: object, key: string = randomUUID()) =>
  (await gqlData(promos.url, GC_DEBIT, { input, key }, service)).giftCardDebit;
const gcRefund = async (input: object, key: string = randomUUID()) =>
  (await gqlData(promos.url, GC_REFUND, { input, key }, service)).giftCardRefund;
/** Each lookup from a fresh caller address unless one is given, so the rate limit stays out of the way. */
const lookup = (code: string, caller: string = randomUUID()) =>
  gql(
    promos.url,
    `query($code: String!) { giftCardBalance(code: $code) { amount currencyCode } }`,
    { code },
    { 'x-forwarded-for': caller },
  );

async function storeCreditLedger(customerId: string) {
  const [row] = (
    await knex().raw(
      `select a.balance, (select coalesce(sum(amount), 0) from promotions.store_credit_entry e where e.account_id = a.id) as total
     from promotions.store_credit_account a where customer_id = ?`,
      [customerId],
    )
  ).rows;
  return { balance: Number(row.balance), total: Number(row.total) };
}
async function giftCardLedger(id: string) {
  const [row] = (
    await knex().raw(
      `select c.balance, (select coalesce(sum(amount), 0) from promotions.gift_card_transaction t where t.gift_card_id = c.id) as total from promotions.gift_card c where id = ?`,
      [dbId(id)],
    )
  ).rows;
  return { balance: Number(row.balance), total: Number(row.total) };
}

describe('store credit', () => {
  it('issues credit, opening the account on first use, and replays under the same key', async () => {
    const customerId = `cust-${randomUUID()}`;
    const first = await issue({ customerId, amount: eur('50'), reason: 'Goodwill' }, 'issue-1');
    expect(first).toMatchObject({
      userErrors: [],
      account: { customerId: toGlobalId('Customer', customerId), balance: { amount: '50.00', currencyCode: 'EUR' } },
      entry: { amount: { amount: '50.00' }, balanceAfter: { amount: '50.00' }, reason: 'Goodwill' },
    });
    const replay = await issue({ customerId, amount: eur('50'), reason: 'Goodwill' }, 'issue-1');
    expect(replay.entry.id).toBe(first.entry.id);
    expect(replay.account.balance.amount).toBe('50.00');
    const reused = await issue({ customerId, amount: eur('60'), reason: 'Goodwill' }, 'issue-1');
    expect(reused).toMatchObject({ account: null, userErrors: [{ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' }] });
    expect((await issue({ customerId, amount: eur('2.50'), reason: 'Late delivery' })).account.balance.amount).toBe('52.50');
    expect(await storeCreditLedger(customerId)).toEqual({ balance: 5250, total: 5250 });
  });

  it.each([
    ['a zero amount', { amount: eur('0') }, ['input', 'amount', 'amount'], 'GREATER_THAN_OR_EQUAL_TO'],
    ['a negative amount', { amount: eur('-5') }, ['input', 'amount', 'amount'], 'GREATER_THAN_OR_EQUAL_TO'],
    ['too many decimals', { amount: eur('1.001') }, ['input', 'amount', 'amount'], 'INVALID'],
    ['another currency', { amount: { amount: '5', currencyCode: 'USD' } }, ['input', 'amount', 'currencyCode'], 'CURRENCY_MISMATCH'],
    ['a blank reason', { reason: '  ' }, ['input', 'reason'], 'BLANK'],
  ])('refuses %s and writes nothing', async (_label, override, field, code) => {
    const [accounts, entries] = [await count('store_credit_account'), await count('store_credit_entry')];
    const result = await issue({ customerId: `cust-${randomUUID()}`, amount: eur('5'), reason: 'x', ...override }, randomUUID());
    expect(result.account).toBeNull();
    expect(result.userErrors).toContainEqual({ field, code });
    expect([await count('store_credit_account'), await count('store_credit_entry')]).toEqual([accounts, entries]);
  });

  it('refuses a debit for a customer without an account', async () => {
    const result = await scDebit({ customerId: 'nobody', amount: eur('1') });
    expect(result.userErrors).toEqual([{ field: ['input', 'customerId'], code: 'NOT_FOUND' }]);
  });

  it('lets exactly as many of 20 concurrent debits through as the balance allows', async () => {
    const customerId = `cust-${randomUUID()}`;
    await issue({ customerId, amount: eur('75'), reason: 'Return' });
    const results = await Promise.all(Array.from({ length: 20 }, () => scDebit({ customerId, amount: eur('10'), reference: 'order' })));
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(7);
    const refused = results.filter((r) => r.userErrors.length > 0);
    expect(refused).toHaveLength(13);
    for (const r of refused) expect(r.userErrors).toEqual([{ field: ['input', 'amount'], code: 'INSUFFICIENT_BALANCE' }]);
    expect(await storeCreditLedger(customerId)).toEqual({ balance: 500, total: 500 });
  });

  it('replays a debit under the same key without spending twice', async () => {
    const customerId = `cust-${randomUUID()}`;
    await issue({ customerId, amount: eur('20'), reason: 'Return' });
    const first = await scDebit({ customerId, amount: eur('5') }, 'checkout-1');
    const again = await scDebit({ customerId, amount: eur('5') }, 'checkout-1');
    expect(again.entry.id).toBe(first.entry.id);
    expect(again.account.balance.amount).toBe('15.00');
    expect((await scDebit({ customerId, amount: eur('6') }, 'checkout-1')).userErrors).toEqual([
      { field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' },
    ]);
  });
});

describe('gift cards', () => {
  it('shows the code once, stores only its hash, and matches it ignoring case, spaces and hyphens', async () => {
    const created = await createCard({ initialValue: eur('25'), note: 'Birthday' });
    expect(created.userErrors).toEqual([]);
    const code: string = created.giftCardCode;
    expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{4}(-[A-HJ-KM-NP-Z2-9]{4}){3}$/);
    const bare = code.replace(/-/g, '');
    expect(created.giftCard).toMatchObject({
      lastCharacters: bare.slice(-4),
      balance: { amount: '25.00' },
      initialValue: { amount: '25.00' },
    });
    const row = await knex()('promotions.gift_card')
      .where({ id: dbId(created.giftCard.id) })
      .first();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(bare);
    expect(stored).not.toContain(code);
    expect(stored.toLowerCase()).not.toContain(bare.toLowerCase());
    const typed = ` ${bare.slice(0, 8).toLowerCase()} ${bare.slice(8)} `;
    expect((await lookup(typed)).data?.giftCardBalance).toEqual({ amount: '25.00', currencyCode: 'EUR' });
    expect((await lookup('AAAA-AAAA-AAAA-AAAA')).data?.giftCardBalance).toBeNull();
  });

  it.each([
    ['a zero value', { initialValue: eur('0') }, ['input', 'initialValue', 'amount'], 'GREATER_THAN_OR_EQUAL_TO'],
    [
      'another currency',
      { initialValue: { amount: '5', currencyCode: 'USD' } },
      ['input', 'initialValue', 'currencyCode'],
      'CURRENCY_MISMATCH',
    ],
    ['an expiry in the past', { expiresOn: '2020-01-01' }, ['input', 'expiresOn'], 'INVALID'],
    ['an impossible date', { expiresOn: '2099-02-30' }, ['input', 'expiresOn'], 'INVALID'],
  ])('refuses %s and writes nothing', async (_label, override, field, code) => {
    const [cards, transactions] = [await count('gift_card'), await count('gift_card_transaction')];
    const result = await createCard({ initialValue: eur('5'), ...override });
    expect(result).toMatchObject({ giftCard: null, giftCardCode: null });
    expect(result.userErrors).toContainEqual({ field, code });
    expect([await count('gift_card'), await count('gift_card_transaction')]).toEqual([cards, transactions]);
  });

  it('lets exactly as many of 20 concurrent debits through as the balance allows', async () => {
    const { giftCard, giftCardCode: code } = await createCard({ initialValue: eur('100') });
    const results = await Promise.all(Array.from({ length: 20 }, () => gcDebit({ code, amount: eur('7'), reference: 'order' })));
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(14);
    for (const r of results.filter((x) => x.userErrors.length > 0))
      expect(r.userErrors).toEqual([{ field: ['input', 'amount'], code: 'INSUFFICIENT_BALANCE' }]);
    expect(await giftCardLedger(giftCard.id)).toEqual({ balance: 200, total: 200 });
    expect((await lookup(code)).data?.giftCardBalance.amount).toBe('2.00');
  });

  it('debits partially, replays under the same key, refuses key reuse, and refunds up to what was spent', async () => {
    const { giftCard, giftCardCode: code } = await createCard({ initialValue: eur('30') });
    const first = await gcDebit({ code: code.toLowerCase(), amount: eur('12.50'), reference: 'o-1' }, 'pay-1');
    expect(first).toMatchObject({
      userErrors: [],
      giftCard: { balance: { amount: '17.50' } },
      transaction: { kind: 'DEBIT', amount: { amount: '-12.50' }, balanceAfter: { amount: '17.50' } },
    });
    const again = await gcDebit({ code: code.toLowerCase(), amount: eur('12.50'), reference: 'o-1' }, 'pay-1');
    expect(again.transaction.id).toBe(first.transaction.id);
    expect(again.giftCard.balance.amount).toBe('17.50');
    expect((await gcDebit({ code, amount: eur('1'), reference: 'o-1' }, 'pay-1')).userErrors).toEqual([
      { field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_MISMATCH' },
    ]);
    expect((await gcRefund({ id: giftCard.id, amount: eur('5') })).giftCard.balance.amount).toBe('22.50');
    expect((await gcRefund({ code, amount: eur('7.51') })).userErrors).toEqual([
      { field: ['input', 'amount'], code: 'REFUND_EXCEEDS_SPENT' },
    ]);
    expect((await gcRefund({ amount: eur('1') })).userErrors).toEqual([{ field: ['input'], code: 'INVALID' }]);
    expect((await gcDebit({ code: 'NOPE-NOPE-NOPE-NOPE', amount: eur('1') })).userErrors).toEqual([
      { field: ['input', 'code'], code: 'NOT_FOUND' },
    ]);
    expect((await gcDebit({ code, amount: eur('-1') })).userErrors).toEqual([
      { field: ['input', 'amount', 'amount'], code: 'GREATER_THAN_OR_EQUAL_TO' },
    ]);
    expect(await giftCardLedger(giftCard.id)).toEqual({ balance: 2250, total: 2250 });
  });

  it('refuses disabled and expired cards, and their balance reads as null', async () => {
    const disabled = await createCard({ initialValue: eur('10') });
    const off = await gqlData(
      promos.url,
      `mutation($id: ID!) { giftCardDisable(id: $id) { giftCard { disabledAt } userErrors { code } } }`,
      { id: disabled.giftCard.id },
    );
    expect(off.giftCardDisable.giftCard.disabledAt).not.toBeNull();
    expect((await lookup(disabled.giftCardCode)).data?.giftCardBalance).toBeNull();
    expect((await gcDebit({ code: disabled.giftCardCode, amount: eur('1') })).userErrors).toEqual([
      { field: ['input', 'code'], code: 'GIFT_CARD_DISABLED' },
    ]);

    const expired = await createCard({ initialValue: eur('10'), expiresOn: '2099-12-31' });
    expect(expired.giftCard.expiresOn).toBe('2099-12-31');
    await knex()('promotions.gift_card')
      .where({ id: dbId(expired.giftCard.id) })
      .update({ expires_on: '2020-01-01' });
    expect((await lookup(expired.giftCardCode)).data?.giftCardBalance).toBeNull();
    expect((await gcDebit({ code: expired.giftCardCode, amount: eur('1') })).userErrors).toEqual([
      { field: ['input', 'code'], code: 'GIFT_CARD_EXPIRED' },
    ]);
  });

  it('rate-limits balance lookups per caller', async () => {
    const { giftCardCode: code } = await createCard({ initialValue: eur('10') });
    const caller = '203.0.113.7';
    for (let i = 0; i < 10; i++) expect((await lookup(code, caller)).data?.giftCardBalance.amount).toBe('10.00');
    const limited = await lookup(code, caller);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.data?.giftCardBalance ?? null).toBeNull();
    // Wrong guesses count too, and another caller is not affected.
    expect((await lookup('AAAA-AAAA-AAAA-AAAA', caller)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await lookup(code, '198.51.100.9')).data?.giftCardBalance.amount).toBe('10.00');
  });
});
