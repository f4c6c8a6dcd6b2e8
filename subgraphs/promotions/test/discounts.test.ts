import { gqlData } from '../../../test/support/graphql-client';
import { asService, type AuthHeaders } from '../../../test/support/tokens';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';

let promos: PromotionsHarness;
/** Internal commands answer only other subgraphs: a SERVICE token. */
let service: AuthHeaders;
beforeAll(async () => {
  promos = await startPromotions();
  service = await asService();
});
afterAll(() => promos.close());

const DISCOUNT = `id title code kind value scope status usageCount usageLimit channels amount { amount } minimumSubtotal { amount }
  appliesTo { type productIds categoryIds } combinesWith { productDiscounts orderDiscounts shippingDiscounts } startsAt endsAt`;
const CREATE = `mutation($input: DiscountInput!) { discountCreate(input: $input) { discount { ${DISCOUNT} } userErrors { field message code } } }`;

async function create(input: Record<string, unknown>) {
  return (await gqlData(promos.url, CREATE, { input })).discountCreate;
}
async function discountRows(): Promise<number> {
  return Number((await promos.server.orm.em.getConnection().getKnex()('promotions.discount').count({ n: '*' }).first())?.n);
}
async function productIds(n: number): Promise<string[]> {
  return (await gqlData(promos.products.url, `{ products(first: ${n}) { nodes { id } } }`)).products.nodes.map((p: { id: string }) => p.id);
}

describe('discountCreate', () => {
  it('creates each kind with exact values and sensible defaults', async () => {
    const percent = await create({ title: 'Spring 15%', code: 'spring15', kind: 'PERCENTAGE', value: '15', channels: ['WEB', 'POS'] });
    expect(percent).toMatchObject({
      userErrors: [],
      discount: { code: 'spring15', value: 15, scope: 'ITEMS', status: 'ACTIVE', usageCount: 0, appliesTo: { type: 'ALL' } },
    });
    const fixed = await create({ title: '10 off 100', kind: 'FIXED_AMOUNT', value: '10.00', minimumSubtotal: '100' });
    expect(fixed.discount).toMatchObject({
      code: null,
      value: 10,
      scope: 'ORDER',
      amount: { amount: '10.00' },
      minimumSubtotal: { amount: '100.00' },
    });
    const ids = await productIds(2);
    const bxgy = await create({
      title: 'Buy 2 get 1',
      kind: 'BUY_X_GET_Y',
      buyQuantity: 2,
      getQuantity: 1,
      appliesTo: { type: 'PRODUCTS', productIds: ids },
    });
    expect(bxgy.discount).toMatchObject({ value: 100, appliesTo: { type: 'PRODUCTS', productIds: ids } });
    const shipping = await create({
      title: 'Free shipping',
      kind: 'FREE_SHIPPING',
      combinesWith: { productDiscounts: true, orderDiscounts: true, shippingDiscounts: false },
    });
    expect(shipping.discount).toMatchObject({
      value: null,
      combinesWith: { productDiscounts: true, orderDiscounts: true, shippingDiscounts: false },
    });
  });

  it.each([
    ['a percentage over 100', { kind: 'PERCENTAGE', value: '100.5' }, ['input', 'value'], 'LESS_THAN_OR_EQUAL_TO'],
    ['a zero percentage', { kind: 'PERCENTAGE', value: '0' }, ['input', 'value'], 'GREATER_THAN_OR_EQUAL_TO'],
    ['a negative amount', { kind: 'FIXED_AMOUNT', value: '-5' }, ['input', 'value'], 'GREATER_THAN_OR_EQUAL_TO'],
    [
      'a negative minimum subtotal',
      { kind: 'FIXED_AMOUNT', value: '5', minimumSubtotal: '-1' },
      ['input', 'minimumSubtotal'],
      'GREATER_THAN_OR_EQUAL_TO',
    ],
    [
      'an end before the start',
      { kind: 'PERCENTAGE', value: '5', startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-11-01T00:00:00Z' },
      ['input', 'endsAt'],
      'INVALID',
    ],
    ['a usage limit of zero', { kind: 'PERCENTAGE', value: '5', usageLimit: 0 }, ['input', 'usageLimit'], 'GREATER_THAN_OR_EQUAL_TO'],
    [
      'an unknown product',
      { kind: 'PERCENTAGE', value: '5', appliesTo: { type: 'PRODUCTS', productIds: ['00000000-0000-4000-8000-000000000000'] } },
      ['input', 'appliesTo', 'productIds'],
      'NOT_FOUND',
    ],
    [
      'an unknown category',
      { kind: 'PERCENTAGE', value: '5', appliesTo: { type: 'CATEGORIES', categoryIds: ['00000000-0000-4000-8000-000000000000'] } },
      ['input', 'appliesTo', 'categoryIds'],
      'NOT_FOUND',
    ],
    [
      'a product target without products',
      { kind: 'PERCENTAGE', value: '5', appliesTo: { type: 'PRODUCTS' } },
      ['input', 'appliesTo', 'productIds'],
      'BLANK',
    ],
    ['a bad code', { kind: 'PERCENTAGE', value: '5', code: 'no spaces' }, ['input', 'code'], 'INVALID'],
    ['a scope that does not fit', { kind: 'PERCENTAGE', value: '5', scope: 'EACH_ITEM' }, ['input', 'scope'], 'INVALID'],
    ['buy X get Y without quantities', { kind: 'BUY_X_GET_Y' }, ['input', 'buyQuantity'], 'BLANK'],
    ['a missing value', { kind: 'FIXED_AMOUNT' }, ['input', 'value'], 'BLANK'],
    ['no title', { title: '  ', kind: 'FIXED_AMOUNT', value: '1' }, ['input', 'title'], 'BLANK'],
  ])('refuses %s and writes nothing', async (_label, input, field, code) => {
    const before = await discountRows();
    const result = await create({ title: 'Bad', ...input });
    expect(result.discount).toBeNull();
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await discountRows()).toBe(before);
  });

  it('treats codes without regard to case: a code differing only in case is taken', async () => {
    await create({ title: 'Welcome', code: 'WELCOME10', kind: 'PERCENTAGE', value: '10' });
    const again = await create({ title: 'Welcome again', code: 'welcome10', kind: 'PERCENTAGE', value: '10' });
    expect(again.userErrors).toEqual([expect.objectContaining({ field: ['input', 'code'], code: 'TAKEN' })]);
  });
});

describe('updating, deactivating and listing', () => {
  it('updates, checks the result as a whole, and deactivates', async () => {
    const { discount } = await create({ title: 'Tweak me', kind: 'PERCENTAGE', value: '5' });
    const UPDATE = `mutation($id: ID!, $input: DiscountInput!) { discountUpdate(id: $id, input: $input) { discount { title value status } userErrors { field code } } }`;
    expect((await gqlData(promos.url, UPDATE, { id: discount.id, input: { title: 'Tweaked', value: '7.5' } })).discountUpdate).toEqual({
      discount: { title: 'Tweaked', value: 7.5, status: 'ACTIVE' },
      userErrors: [],
    });
    const bad = (await gqlData(promos.url, UPDATE, { id: discount.id, input: { value: '250' } })).discountUpdate;
    expect(bad.userErrors).toEqual([{ field: ['input', 'value'], code: 'LESS_THAN_OR_EQUAL_TO' }]);
    expect((await gqlData(promos.url, `query($id: ID!) { discount(id: $id) { value } }`, { id: discount.id })).discount.value).toBe(7.5);
    const off = await gqlData(promos.url, `mutation($id: ID!) { discountDeactivate(id: $id) { discount { status } } }`, {
      id: discount.id,
    });
    expect(off.discountDeactivate.discount.status).toBe('DEACTIVATED');
  });

  it('shows every channel the same live offers, and only the live ones', async () => {
    const everywhere = (await create({ title: 'Everywhere', kind: 'PERCENTAGE', value: '3' })).discount.id;
    const kioskOnly = (await create({ title: 'Kiosk only', kind: 'PERCENTAGE', value: '3', channels: ['KIOSK'] })).discount.id;
    const later = (
      await create({ title: 'Later', kind: 'PERCENTAGE', value: '3', startsAt: new Date(Date.now() + 86_400_000).toISOString() })
    ).discount.id;
    const over = (
      await create({ title: 'Over', kind: 'PERCENTAGE', value: '3', startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-02-01T00:00:00Z' })
    ).discount;
    expect(over.status).toBe('EXPIRED');
    const live = async (channel: string) =>
      (await gqlData(promos.url, `{ activePromotions(channel: ${channel}) { id } }`)).activePromotions.map((d: { id: string }) => d.id);
    const [web, app, kiosk] = await Promise.all([live('WEB'), live('APP'), live('KIOSK')]);
    for (const list of [web, app, kiosk]) expect(list).toContain(everywhere);
    expect(kiosk).toEqual(expect.arrayContaining([everywhere, kioskOnly]));
    for (const list of [web, kiosk]) expect(list).not.toContain(later);
    expect(web).not.toContain(kioskOnly);
    const scheduled = await gqlData(promos.url, `{ discounts(status: SCHEDULED, first: 50) { nodes { id } } }`);
    expect(scheduled.discounts.nodes).toEqual([{ id: later }]);
  });
});

describe('redemptions', () => {
  const RESERVE = `mutation($input: DiscountRedemptionReserveInput!) { discountRedemptionReserve(input: $input) { redemptions { key status } userErrors { field code } } }`;
  const usage = async (id: string) =>
    (await gqlData(promos.url, `query($id: ID!) { discount(id: $id) { usageCount } }`, { id })).discount.usageCount;

  it('gives exactly 5 of 30 concurrent checkouts a code limited to 5 uses', async () => {
    const { discount } = await create({ title: 'Five only', code: 'FIVEONLY', kind: 'PERCENTAGE', value: '20', usageLimit: 5 });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        gqlData(promos.url, RESERVE, { input: { key: `checkout-${i}`, discountIds: [discount.id] } }, service),
      ),
    );
    const won = results.filter((r) => r.discountRedemptionReserve.redemptions);
    expect(won).toHaveLength(5);
    for (const lost of results.filter((r) => !r.discountRedemptionReserve.redemptions)) {
      expect(lost.discountRedemptionReserve.userErrors[0].code).toBe('USAGE_LIMIT_REACHED');
    }
    expect(await usage(discount.id)).toBe(5);
  });

  it('limits uses per customer, frees a use on release, and keeps committed uses', async () => {
    const { discount } = await create({ title: 'Once each', kind: 'FIXED_AMOUNT', value: '5', usageLimitPerCustomer: 1 });
    const reserve = (key: string, customerId: string) =>
      gqlData(promos.url, RESERVE, { input: { key, discountIds: [discount.id], customerId } }, service);
    expect((await reserve('c1-a', 'customer-1')).discountRedemptionReserve.redemptions).toEqual([{ key: 'c1-a', status: 'RESERVED' }]);
    expect((await reserve('c1-a', 'customer-1')).discountRedemptionReserve.redemptions).toHaveLength(1);
    expect((await reserve('c1-b', 'customer-1')).discountRedemptionReserve.userErrors[0].code).toBe('USAGE_LIMIT_REACHED');
    expect(await usage(discount.id)).toBe(1);
    const release = await gqlData(
      promos.url,
      `mutation { discountRedemptionRelease(key: "c1-a") { redemptions { status } } }`,
      {},
      service,
    );
    expect(release.discountRedemptionRelease.redemptions).toEqual([{ status: 'RELEASED' }]);
    expect(await usage(discount.id)).toBe(0);
    expect((await reserve('c1-c', 'customer-1')).discountRedemptionReserve.redemptions).toHaveLength(1);
    const commit = await gqlData(promos.url, `mutation { discountRedemptionCommit(key: "c1-c") { redemptions { status } } }`, {}, service);
    expect(commit.discountRedemptionCommit.redemptions).toEqual([{ status: 'COMMITTED' }]);
    const cannot = await gqlData(promos.url, `mutation { discountRedemptionRelease(key: "c1-c") { userErrors { code } } }`, {}, service);
    expect(cannot.discountRedemptionRelease.userErrors).toEqual([{ code: 'REDEMPTION_COMMITTED' }]);
    expect(await usage(discount.id)).toBe(1);
  });

  it('refuses a guest a discount limited per customer, holding nothing', async () => {
    const open = (await create({ title: 'For anyone', kind: 'PERCENTAGE', value: '1' })).discount.id;
    const once = (await create({ title: 'Once per customer', kind: 'FIXED_AMOUNT', value: '5', usageLimitPerCustomer: 1 })).discount.id;
    const guest = (await gqlData(promos.url, RESERVE, { input: { key: 'guest-1', discountIds: [open, once] } }, service))
      .discountRedemptionReserve;
    const onceIndex = [open, once].sort().indexOf(once);
    expect(guest).toEqual({
      redemptions: null,
      userErrors: [{ field: ['input', 'discountIds', String(onceIndex)], code: 'CUSTOMER_REQUIRED' }],
    });
    const blank = (await gqlData(promos.url, RESERVE, { input: { key: 'guest-2', discountIds: [once], customerId: ' ' } }, service))
      .discountRedemptionReserve;
    expect(blank).toEqual({ redemptions: null, userErrors: [{ field: ['input', 'customerId'], code: 'BLANK' }] });
    expect([await usage(open), await usage(once)]).toEqual([0, 0]);
    const redemptions = await promos.server.orm.em
      .getConnection()
      .getKnex()('promotions.discount_redemption')
      .whereIn('key', ['guest-1', 'guest-2'])
      .count({ n: '*' })
      .first();
    expect(Number(redemptions?.n)).toBe(0);
    const customer = (
      await gqlData(promos.url, RESERVE, { input: { key: 'guest-1', discountIds: [open, once], customerId: 'customer-9' } }, service)
    ).discountRedemptionReserve;
    expect(customer.redemptions).toHaveLength(2);
  });

  it('holds all discounts or none', async () => {
    const a = (await create({ title: 'A', kind: 'PERCENTAGE', value: '1' })).discount.id;
    const b = (await create({ title: 'B', kind: 'PERCENTAGE', value: '1', usageLimit: 1 })).discount.id;
    await gqlData(promos.url, RESERVE, { input: { key: 'first', discountIds: [b] } }, service);
    const both = await gqlData(promos.url, RESERVE, { input: { key: 'second', discountIds: [a, b] } }, service);
    expect(both.discountRedemptionReserve.userErrors[0].code).toBe('USAGE_LIMIT_REACHED');
    expect(await usage(a)).toBe(0);
  });
});

describe('redemptions and the date window', () => {
  const RESERVE = `mutation($input: DiscountRedemptionReserveInput!) { discountRedemptionReserve(input: $input) { redemptions { status } userErrors { field code } } }`;

  it('refuses to hand back released uses on a replay: a new attempt needs a new key', async () => {
    const { discount } = await create({ title: 'Replay', kind: 'PERCENTAGE', value: '2' });
    await gqlData(promos.url, RESERVE, { input: { key: 'replay-1', discountIds: [discount.id] } }, service);
    await gqlData(promos.url, `mutation { discountRedemptionRelease(key: "replay-1") { userErrors { code } } }`, {}, service);
    const replay = (await gqlData(promos.url, RESERVE, { input: { key: 'replay-1', discountIds: [discount.id] } }, service))
      .discountRedemptionReserve;
    expect(replay).toEqual({ redemptions: null, userErrors: [{ field: ['input', 'key'], code: 'REDEMPTION_RELEASED' }] });
    const fresh = (await gqlData(promos.url, RESERVE, { input: { key: 'replay-2', discountIds: [discount.id] } }, service))
      .discountRedemptionReserve;
    expect(fresh.redemptions).toEqual([{ status: 'RESERVED' }]);
  });

  it('does not hold a use of a discount outside its dates', async () => {
    const ended = (
      await create({ title: 'Ended', kind: 'PERCENTAGE', value: '2', startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-02-01T00:00:00Z' })
    ).discount.id;
    const later = (
      await create({ title: 'Later', kind: 'PERCENTAGE', value: '2', startsAt: new Date(Date.now() + 86_400_000).toISOString() })
    ).discount.id;
    for (const [id, code] of [
      [ended, 'EXPIRED'],
      [later, 'NOT_STARTED'],
    ]) {
      const result = (await gqlData(promos.url, RESERVE, { input: { key: `dates-${code}`, discountIds: [id] } }, service))
        .discountRedemptionReserve;
      expect(result.userErrors).toEqual([{ field: ['input', 'discountIds', '0'], code }]);
    }
  });
});
