/**
 * TEST_CARD's rules, held by both of its providers: the in-memory one (each instance its own
 * processor) and the one on the orders database (what the orders subgraph runs, so a restarted
 * process or another replica sees what the card did). Each test starts from an empty processor.
 */
import { sql, type Orm } from '#platform/db';
import { createTestDatabase, openTestOrm, type TestDatabase } from '../../../test/support/database';
import { PersistedTestCardProvider, TestCardProvider, TEST_CARD_NUMBERS } from '../src/payments';
import type { AuthorizeRequest, PaymentProvider } from '../src/payments';
import { ordersSubgraph } from '../src/subgraph';

let db: TestDatabase;
let orm: Orm;

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openTestOrm(db, ordersSubgraph);
});

afterAll(async () => {
  await orm.close();
  await db.drop();
});

/** A provider with nothing authorized or answered yet. */
type Fresh = () => Promise<PaymentProvider & { status(reference: string): ReturnType<PaymentProvider['status']> }>;

const providers: [string, Fresh][] = [
  ['in memory', () => Promise.resolve(new TestCardProvider())],
  [
    'in PostgreSQL',
    async () => {
      await sql(orm.em.fork(), 'truncate orders.test_card_answer, orders.test_card_authorization');
      return new PersistedTestCardProvider(() => orm.em.fork());
    },
  ],
];

const authorize = (overrides: Partial<AuthorizeRequest> = {}): AuthorizeRequest => ({
  amountMinor: 16_800,
  currency: 'EUR',
  idempotencyKey: 'checkout-1:authorize',
  source: '4242424242424242',
  ...overrides,
});

describe.each(providers)('TEST_CARD %s: authorization by card number', (_where, fresh) => {
  it('lists the four test numbers, one per behaviour', () => {
    expect(TEST_CARD_NUMBERS.map((card) => [card.number, card.behaviour])).toEqual([
      ['4242424242424242', 'APPROVE'],
      ['4000000000000002', 'DECLINE'],
      ['4000000000009995', 'INSUFFICIENT_FUNDS'],
      ['4000000000000119', 'TIMEOUT'],
    ]);
  });

  it('approves 4242 4242 4242 4242, spaces or dashes allowed', async () => {
    const provider = await fresh();
    expect(provider.method).toBe('TEST_CARD');
    expect(await provider.authorize(authorize({ source: '4242 4242 4242 4242' }))).toEqual({
      status: 'SUCCEEDED',
      reference: 'tc_auth_checkout-1:authorize',
    });
    expect(await provider.authorize(authorize({ idempotencyKey: 'k2', source: '4242-4242-4242-4242' }))).toMatchObject({
      status: 'SUCCEEDED',
    });
  });

  it.each([
    ['4000000000000002', 'CARD_DECLINED'],
    ['4000000000009995', 'INSUFFICIENT_FUNDS'],
    ['4111111111111111', 'INVALID_SOURCE'],
  ])('declines %s with %s, and nothing can be captured', async (source, code) => {
    const provider = await fresh();
    const result = await provider.authorize(authorize({ source }));
    expect(result).toMatchObject({ status: 'DECLINED', code });
    expect(await provider.capture({ reference: 'tc_auth_checkout-1:authorize', amountMinor: 1, idempotencyKey: 'c' })).toMatchObject({
      code: 'UNKNOWN_AUTHORIZATION',
    });
  });

  it('answers PENDING for the timeout card, which settles as SUCCEEDED when asked about later', async () => {
    const provider = await fresh();
    const pending = await provider.authorize(authorize({ source: '4000000000000119' }));
    expect(pending).toEqual({ status: 'PENDING', reference: 'tc_auth_checkout-1:authorize' });
    const capture = { reference: 'tc_auth_checkout-1:authorize', amountMinor: 16_800, idempotencyKey: 'cap-early' };
    expect(await provider.capture(capture)).toMatchObject({ status: 'DECLINED', code: 'AUTHORIZATION_PENDING' });
    expect(await provider.status('tc_auth_checkout-1:authorize')).toEqual({
      status: 'SUCCEEDED',
      reference: 'tc_auth_checkout-1:authorize',
    });
    expect(await provider.capture({ ...capture, idempotencyKey: 'cap' })).toMatchObject({ status: 'SUCCEEDED' });
    // A replay answers what the first call answered.
    expect(await provider.authorize(authorize({ source: '4000000000000119' }))).toEqual(pending);
  });

  it('refuses malformed amounts and currencies', async () => {
    const provider = await fresh();
    expect(await provider.authorize(authorize({ amountMinor: 0 }))).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(await provider.authorize(authorize({ idempotencyKey: 'b', amountMinor: 10.5 }))).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(await provider.authorize(authorize({ idempotencyKey: 'c', currency: 'eur' }))).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('knows nothing of a reference it never gave', async () => {
    expect(await (await fresh()).status('tc_auth_nope')).toMatchObject({ status: 'DECLINED', code: 'UNKNOWN_AUTHORIZATION' });
  });
});

describe.each(providers)('TEST_CARD %s: idempotency', (_where, fresh) => {
  it('replays the same answer to the same request and authorizes once', async () => {
    const provider = await fresh();
    const first = await provider.authorize(authorize());
    expect(await provider.authorize(authorize())).toEqual(first);
    if (first.status !== 'SUCCEEDED') throw new Error('expected an authorization');
    // Had the replay authorized again, 2 × 168.00 could be captured.
    const capture = { reference: first.reference, amountMinor: 16_800, idempotencyKey: 'cap-1' };
    expect(await provider.capture(capture)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await provider.capture(capture)).toEqual({ status: 'SUCCEEDED', reference: 'tc_capture_cap-1' });
    expect(await provider.capture({ ...capture, amountMinor: 1, idempotencyKey: 'cap-2' })).toMatchObject({
      code: 'AMOUNT_EXCEEDS_AUTHORIZED',
    });
  });

  it('refuses a key reused for a different request, and moves nothing', async () => {
    const provider = await fresh();
    await provider.authorize(authorize());
    expect(await provider.authorize(authorize({ amountMinor: 99 }))).toMatchObject({
      status: 'DECLINED',
      code: 'IDEMPOTENCY_KEY_MISMATCH',
    });
    expect(await provider.void({ reference: 'tc_auth_checkout-1:authorize', idempotencyKey: 'checkout-1:authorize' })).toMatchObject({
      code: 'IDEMPOTENCY_KEY_MISMATCH',
    });
    expect(await provider.capture({ reference: 'tc_auth_checkout-1:authorize', amountMinor: 16_800, idempotencyKey: 'c' })).toMatchObject({
      status: 'SUCCEEDED',
    });
  });

  it('replays a refusal too, even once the state would allow the request', async () => {
    const provider = await fresh();
    await provider.authorize(authorize());
    const refund = { reference: 'tc_auth_checkout-1:authorize', amountMinor: 500, idempotencyKey: 'r' };
    expect(await provider.refund(refund)).toMatchObject({ code: 'AMOUNT_EXCEEDS_CAPTURED' });
    await provider.capture({ reference: refund.reference, amountMinor: 1000, idempotencyKey: 'c' });
    expect(await provider.refund(refund)).toMatchObject({ code: 'AMOUNT_EXCEEDS_CAPTURED' });
    expect(await provider.refund({ ...refund, idempotencyKey: 'r2' })).toMatchObject({ status: 'SUCCEEDED' });
  });
});

describe.each(providers)('TEST_CARD %s: capture, void and refund', (_where, fresh) => {
  async function authorized(): Promise<{ provider: PaymentProvider; reference: string }> {
    const provider = await fresh();
    const result = await provider.authorize(authorize({ amountMinor: 10_000 }));
    if (result.status !== 'SUCCEEDED') throw new Error('expected an authorization');
    return { provider, reference: result.reference };
  }

  it('captures in parts up to the authorized amount and no further', async () => {
    const { provider, reference } = await authorized();
    expect(await provider.capture({ reference, amountMinor: 6000, idempotencyKey: 'c1' })).toMatchObject({ status: 'SUCCEEDED' });
    expect(await provider.capture({ reference, amountMinor: 4001, idempotencyKey: 'c2' })).toMatchObject({
      code: 'AMOUNT_EXCEEDS_AUTHORIZED',
      message: 'Only 4000 is left to capture',
    });
    expect(await provider.capture({ reference, amountMinor: 4000, idempotencyKey: 'c3' })).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('refunds in parts up to the captured amount and no further', async () => {
    const { provider, reference } = await authorized();
    await provider.capture({ reference, amountMinor: 7000, idempotencyKey: 'c' });
    expect(await provider.refund({ reference, amountMinor: 5000, idempotencyKey: 'r1' })).toEqual({
      status: 'SUCCEEDED',
      reference: 'tc_refund_r1',
    });
    expect(await provider.refund({ reference, amountMinor: 2001, idempotencyKey: 'r2' })).toMatchObject({
      code: 'AMOUNT_EXCEEDS_CAPTURED',
    });
    expect(await provider.refund({ reference, amountMinor: 2000, idempotencyKey: 'r3' })).toMatchObject({ status: 'SUCCEEDED' });
    expect(await provider.status('tc_refund_r1')).toEqual({ status: 'SUCCEEDED', reference: 'tc_refund_r1' });
  });

  it('voids an uncaptured authorization once, after which nothing can be captured or voided', async () => {
    const { provider, reference } = await authorized();
    expect(await provider.void({ reference, idempotencyKey: 'v1' })).toEqual({ status: 'SUCCEEDED', reference: 'tc_void_v1' });
    expect(await provider.void({ reference, idempotencyKey: 'v2' })).toMatchObject({ code: 'AUTHORIZATION_VOIDED' });
    expect(await provider.capture({ reference, amountMinor: 1, idempotencyKey: 'c' })).toMatchObject({ code: 'AUTHORIZATION_VOIDED' });
    expect(await provider.refund({ reference, amountMinor: 1, idempotencyKey: 'r' })).toMatchObject({ code: 'AMOUNT_EXCEEDS_CAPTURED' });
  });

  it('will not void what was captured', async () => {
    const { provider, reference } = await authorized();
    await provider.capture({ reference, amountMinor: 1, idempotencyKey: 'c' });
    expect(await provider.void({ reference, idempotencyKey: 'v' })).toMatchObject({ code: 'ALREADY_CAPTURED' });
  });

  it('voids a pending authorization, which then never settles into a capture', async () => {
    const provider = await fresh();
    const pending = await provider.authorize(authorize({ source: '4000000000000119' }));
    if (pending.status !== 'PENDING') throw new Error('expected PENDING');
    expect(await provider.void({ reference: pending.reference, idempotencyKey: 'v' })).toMatchObject({ status: 'SUCCEEDED' });
    expect(await provider.capture({ reference: pending.reference, amountMinor: 1, idempotencyKey: 'c' })).toMatchObject({
      code: 'AUTHORIZATION_VOIDED',
    });
  });

  it('refuses capture, void and refund of an unknown authorization', async () => {
    const provider = await fresh();
    const reference = 'tc_auth_unknown';
    expect(await provider.capture({ reference, amountMinor: 1, idempotencyKey: 'c' })).toMatchObject({ code: 'UNKNOWN_AUTHORIZATION' });
    expect(await provider.void({ reference, idempotencyKey: 'v' })).toMatchObject({ code: 'UNKNOWN_AUTHORIZATION' });
    expect(await provider.refund({ reference, amountMinor: 1, idempotencyKey: 'r' })).toMatchObject({ code: 'UNKNOWN_AUTHORIZATION' });
  });
});

describe('TEST_CARD in memory and in PostgreSQL', () => {
  it('keeps each in-memory instance its own processor', async () => {
    const first = new TestCardProvider();
    const result = await first.authorize(authorize());
    if (result.status !== 'SUCCEEDED') throw new Error('expected an authorization');
    expect(await new TestCardProvider().capture({ reference: result.reference, amountMinor: 1, idempotencyKey: 'c' })).toMatchObject({
      code: 'UNKNOWN_AUTHORIZATION',
    });
  });

  it('shares the database between instances: another process captures what one authorized, and replays its answers', async () => {
    await sql(orm.em.fork(), 'truncate orders.test_card_answer, orders.test_card_authorization');
    const one = new PersistedTestCardProvider(() => orm.em.fork());
    const other = new PersistedTestCardProvider(() => orm.em.fork());
    const result = await one.authorize(authorize());
    expect(await other.authorize(authorize())).toEqual(result);
    if (result.status !== 'SUCCEEDED') throw new Error('expected an authorization');
    expect(await other.capture({ reference: result.reference, amountMinor: 16_800, idempotencyKey: 'c' })).toMatchObject({
      status: 'SUCCEEDED',
    });
    expect(await one.openAuthorizations()).toEqual([]);
  });

  it('answers concurrent duplicates once: one authorization, one capture, whatever the race', async () => {
    await sql(orm.em.fork(), 'truncate orders.test_card_answer, orders.test_card_authorization');
    const card = new PersistedTestCardProvider(() => orm.em.fork());
    const authorizations = await Promise.all(Array.from({ length: 8 }, () => card.authorize(authorize({ amountMinor: 1_000 }))));
    expect(new Set(authorizations.map((a) => JSON.stringify(a))).size).toBe(1);
    const reference = 'tc_auth_checkout-1:authorize';
    // Eight captures of 600 under distinct keys against 1,000 authorized: exactly one fits.
    const captures = await Promise.all(
      Array.from({ length: 8 }, (_, i) => card.capture({ reference, amountMinor: 600, idempotencyKey: `cap-${i}` })),
    );
    expect(captures.filter((c) => c.status === 'SUCCEEDED')).toHaveLength(1);
    expect(captures.filter((c) => c.status === 'DECLINED' && c.code === 'AMOUNT_EXCEEDS_AUTHORIZED')).toHaveLength(7);
    // The same capture sent eight times at once moves money once.
    const again = await Promise.all(Array.from({ length: 8 }, () => card.capture({ reference, amountMinor: 400, idempotencyKey: 'rest' })));
    expect(new Set(again.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ status: 'SUCCEEDED', reference: 'tc_capture_rest' })]),
    );
    const [row] = await sql<{ amount_minor: string; captured_minor: string }>(
      orm.em.fork(),
      'select amount_minor, captured_minor from orders.test_card_authorization',
    );
    expect(row).toEqual({ amount_minor: '1000', captured_minor: '1000' });
  });
});
