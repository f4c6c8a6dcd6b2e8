import { randomUUID } from 'node:crypto';
import { DiscountsEvaluate, type DiscountEvaluationValue } from '../src/contract';
import { seedDemoPromotions } from '../src/seed/seed-demo-promotions';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { startPromotions, type PromotionsHarness } from '../../../test/support/promotions';
import { asService } from '../../../test/support/tokens';

/** The demo shop opens with live offers, and its demo customer with something to spend. */
let promos: PromotionsHarness;
let helmets: string;
let helmet: { productId: string; sku: string };
const customerId = randomUUID();

beforeAll(async () => {
  promos = await startPromotions();
  const products = promos.products.server.orm.em.getConnection().getKnex();
  helmets = (await products('products.category').where({ handle: 'helmets' }).first()).id;
  const product = await products('products.product').where({ category_id: helmets }).first();
  helmet = { productId: product.id, sku: (await products('products.product_variant').where({ product_id: product.id }).first()).sku };
});
afterAll(() => promos?.close());

const knex = () => promos.server.orm.em.getConnection().getKnex();
const seed = () => seedDemoPromotions(promos.server.orm.em.fork(), { currency: 'EUR', categoryId: helmets, customerId });
const live = async (channel: string) =>
  (await gqlData(promos.url, `{ activePromotions(channel: ${channel}) { title code } }`)).activePromotions
    .map((d: { title: string; code: string | null }) => d.code ?? d.title)
    .sort();

it('seeds live offers on WEB and APP, and a gift card, store credit and points for the demo customer, once', async () => {
  expect(await live('WEB')).toEqual([]);
  const seeded = await seed();
  expect(seeded).toMatchObject({ offers: expect.any(Array), storeCredit: '20.00', points: 1249 });
  expect(await live('WEB')).toEqual(['15% off helmets', 'Free shipping over 100', 'RIDE10']);
  expect(await live('APP')).toEqual(['15% off helmets', 'Free shipping over 100', 'RIDE10']);
  expect(await live('POS')).toEqual(['RIDE10']);

  // The code printed in the start log is a card a developer can spend.
  const code = seeded!.giftCard!.code;
  const balance = await gqlData(promos.url, `query($code: String!) { giftCardBalance(code: $code) { amount } }`, { code });
  expect(balance.giftCardBalance).toEqual({ amount: '50.00' });
  const { _entities } = await gqlData(
    promos.url,
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer {
      loyalty { points tier { name } } storeCredit { amount } giftCards { balance { amount } note } } } }`,
    { reps: [{ __typename: 'Customer', id: customerId }] },
  );
  expect(_entities).toEqual([
    {
      loyalty: { points: 1249, tier: { name: 'SILVER' } },
      storeCredit: { amount: '20.00' },
      giftCards: [{ balance: { amount: '50.00' }, note: expect.any(String) }],
    },
  ]);

  const counts = async () =>
    Promise.all(
      ['discount', 'gift_card', 'store_credit_entry', 'loyalty_entry'].map(async (t) => (await knex()(`promotions.${t}`)).length),
    );
  const before = await counts();
  expect(await seed()).toBeNull();
  expect(await counts()).toEqual(before);
});

it('prices a helmet basket on WEB with the seeded offers, through the contract the orders subgraph uses', async () => {
  const result = await gql<{ discountsEvaluate: DiscountEvaluationValue }>(
    promos.url,
    DiscountsEvaluate.document,
    {
      input: {
        lines: [{ id: 'l1', sku: helmet.sku, productId: helmet.productId, categoryIds: [helmets], quantity: 2, unitPrice: '80.00' }],
        customerId,
        channel: 'WEB',
        codes: ['ride10'],
        shipping: '4.90',
      },
    },
    await asService(),
  );
  expect(result.errors).toBeUndefined();
  const evaluation = result.data!.discountsEvaluate;
  expect(evaluation.applied.map((a) => [a.title, a.amount.amount])).toEqual([
    ['15% off helmets', '24.00'],
    ['10% off your order over 50 with RIDE10', '13.60'],
    ['Free shipping over 100', '4.90'],
  ]);
  expect(evaluation.rejectedCodes).toEqual([]);
  expect(evaluation.total).toEqual({ amount: '122.40', currencyCode: 'EUR' });
});

it('leaves ledgers whole: every balance is the sum of its entries', async () => {
  const { rows } = await knex().raw(`
    select g.id from promotions.gift_card g left join promotions.gift_card_transaction t on t.gift_card_id = g.id
    group by g.id, g.balance having g.balance <> coalesce(sum(t.amount), 0)
    union all
    select a.id from promotions.loyalty_account a left join promotions.loyalty_entry e on e.account_id = a.id
    group by a.id, a.points having a.points <> coalesce(sum(e.points), 0)
    union all
    select a.id from promotions.store_credit_account a left join promotions.store_credit_entry e on e.account_id = a.id
    group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)`);
  expect(rows).toEqual([]);
});
