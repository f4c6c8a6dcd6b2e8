import { gql, gqlData } from '../../../test/support/graphql-client';
import { asService, type AuthHeaders } from '../../../test/support/tokens';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';

/** The internal pricing query the orders subgraph calls, over real HTTP against real data. */
let promos: PromotionsHarness;
/** Internal commands answer only other subgraphs: a SERVICE token. */
let service: AuthHeaders;
beforeAll(async () => {
  promos = await startPromotions();
  service = await asService();
  const create = (input: Record<string, unknown>) =>
    gqlData(promos.url, `mutation($input: DiscountInput!) { discountCreate(input: $input) { userErrors { message } } }`, { input });
  for (const input of [
    {
      title: '10% off everything',
      kind: 'PERCENTAGE',
      value: '10',
      combinesWith: { productDiscounts: false, orderDiscounts: true, shippingDiscounts: true },
    },
    {
      title: '5 off the order',
      code: 'ORDER5',
      kind: 'FIXED_AMOUNT',
      value: '5',
      combinesWith: { productDiscounts: true, orderDiscounts: false, shippingDiscounts: true },
    },
    { title: 'Old code', code: 'OLD', kind: 'PERCENTAGE', value: '50', startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-02-01T00:00:00Z' },
    { title: 'Kiosk code', code: 'KIOSK20', kind: 'PERCENTAGE', value: '20', channels: ['KIOSK'] },
    {
      title: 'Free shipping',
      kind: 'FREE_SHIPPING',
      combinesWith: { productDiscounts: true, orderDiscounts: true, shippingDiscounts: false },
    },
  ]) {
    expect((await create(input)).discountCreate.userErrors).toEqual([]);
  }
});
afterAll(() => promos.close());

const EVALUATE = `query($input: DiscountEvaluationInput!) { discountsEvaluate(input: $input) {
  lines { id subtotal { amount } discount { amount } total { amount } allocations { discountId amount { amount } } }
  applied { title code class amount { amount } }
  rejectedCodes { code reason message }
  subtotal { amount } productDiscount { amount } orderDiscount { amount } shippingDiscount { amount } totalDiscount { amount } shipping { amount } total { amount } } }`;

const basket = (codes: string[], channel = 'WEB') => ({
  channel,
  codes,
  shipping: '4.90',
  lines: [
    { id: 'l1', sku: 'A', productId: 'p1', categoryIds: [], quantity: 2, unitPrice: '20.00' },
    { id: 'l2', sku: 'B', productId: 'p2', categoryIds: [], quantity: 1, unitPrice: '9.99' },
  ],
});

it('stacks what combines, to the cent, and says why each other code does not apply', async () => {
  const result = (await gqlData(promos.url, EVALUATE, { input: basket(['order5', ' OLD ', 'NOPE', 'kiosk20']) }, service))
    .discountsEvaluate;
  expect(result.applied.map((a: { title: string }) => a.title).sort()).toEqual(['10% off everything', '5 off the order', 'Free shipping']);
  expect(result).toMatchObject({
    subtotal: { amount: '49.99' },
    productDiscount: { amount: '5.00' }, // 4.00 + 0.999 rounded half up to 1.00
    orderDiscount: { amount: '5.00' },
    shippingDiscount: { amount: '4.90' },
    totalDiscount: { amount: '14.90' },
    shipping: { amount: '0.00' },
    total: { amount: '39.99' },
  });
  const reasons = Object.fromEntries(
    result.rejectedCodes.map((r: { code: string; reason: string }) => [r.code.trim().toUpperCase(), r.reason]),
  );
  expect(reasons).toEqual({ OLD: 'EXPIRED', NOPE: 'UNKNOWN', KIOSK20: 'NOT_FOR_CHANNEL' });
  const orderAllocations = result.lines.flatMap((l: { allocations: { amount: { amount: string } }[] }) => l.allocations);
  const sum = orderAllocations.reduce(
    (total: number, a: { amount: { amount: string } }) => total + Math.round(Number(a.amount.amount) * 100),
    0,
  );
  expect(sum).toBe(1000); // both item and order discounts, allocated exactly
  for (const line of result.lines) {
    expect(Math.round(Number(line.subtotal.amount) * 100) - Math.round(Number(line.discount.amount) * 100)).toBe(
      Math.round(Number(line.total.amount) * 100),
    );
  }
});

it('gives the same answer for the same input, and writes nothing', async () => {
  const knex = promos.server.orm.em.getConnection().getKnex();
  const before = await knex('promotions.discount').select('usage_count').orderBy('id');
  const a = await gqlData(promos.url, EVALUATE, { input: basket(['ORDER5']) }, service);
  const b = await gqlData(promos.url, EVALUATE, { input: basket(['ORDER5']) }, service);
  expect(a).toEqual(b);
  expect(await knex('promotions.discount').select('usage_count').orderBy('id')).toEqual(before);
});

it('applies a channel-only code on its channel', async () => {
  const result = (await gqlData(promos.url, EVALUATE, { input: basket(['KIOSK20'], 'KIOSK') }, service)).discountsEvaluate;
  expect(
    result.rejectedCodes.filter((r: { code: string }) => r.code === 'KIOSK20' && true).map((r: { reason: string }) => r.reason),
  ).not.toContain('NOT_FOR_CHANNEL');
});

it('refuses a malformed basket with a coded error', async () => {
  const result = await gql(
    promos.url,
    EVALUATE,
    { input: { ...basket([]), lines: [{ id: 'x', sku: 'A', productId: 'p', categoryIds: [], quantity: 1, unitPrice: '1.999' }] } },
    service,
  );
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('refuses a basket with the same line twice with a coded error', async () => {
  const line = { id: 'same', sku: 'A', productId: 'p', categoryIds: [], quantity: 1, unitPrice: '1.00' };
  const result = await gql(promos.url, EVALUATE, { input: { ...basket([]), lines: [line, line] } }, service);
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

describe('discounts limited per customer', () => {
  const rejections = async (input: Record<string, unknown>) =>
    (await gqlData(promos.url, EVALUATE, { input }, service)).discountsEvaluate.rejectedCodes.map((r: { code: string; reason: string }) => [
      r.code,
      r.reason,
    ]);
  const appliedTitles = async (input: Record<string, unknown>) =>
    (await gqlData(promos.url, EVALUATE, { input }, service)).discountsEvaluate.applied.map((a: { title: string }) => a.title);

  it('rejects the code for a guest, saying why, and applies it for a customer', async () => {
    const created = await gqlData(
      promos.url,
      `mutation($input: DiscountInput!) { discountCreate(input: $input) { userErrors { message } } }`,
      {
        input: {
          title: 'Once each',
          code: 'ONCEEACH',
          kind: 'FIXED_AMOUNT',
          value: '3',
          usageLimitPerCustomer: 1,
          combinesWith: { productDiscounts: true, orderDiscounts: false, shippingDiscounts: true },
        },
      },
    );
    expect(created.discountCreate.userErrors).toEqual([]);
    expect(await rejections(basket(['onceeach']))).toEqual([['ONCEEACH', 'CUSTOMER_REQUIRED']]);
    expect(await appliedTitles({ ...basket(['onceeach']), customerId: 'customer-1' })).toContain('Once each');
  });

  it('does not apply an automatic discount limited per customer to a guest', async () => {
    const created = await gqlData(
      promos.url,
      `mutation($input: DiscountInput!) { discountCreate(input: $input) { userErrors { message } } }`,
      {
        input: {
          title: 'Members 2 off',
          kind: 'FIXED_AMOUNT',
          value: '2',
          usageLimitPerCustomer: 3,
          combinesWith: { productDiscounts: true, orderDiscounts: true, shippingDiscounts: true },
        },
      },
    );
    expect(created.discountCreate.userErrors).toEqual([]);
    expect(await appliedTitles(basket([]))).not.toContain('Members 2 off');
    expect(await appliedTitles({ ...basket([]), customerId: 'customer-1' })).toContain('Members 2 off');
  });

  it('refuses a blank customer id with a coded error instead of treating it as a customer', async () => {
    const result = await gql(promos.url, EVALUATE, { input: { ...basket(['onceeach']), customerId: '  ' } }, service);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
