import { createLogger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { createPromotionsServer } from '../src/server';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { startPromotions, UNREACHABLE_URL, type PromotionsHarness } from '../../../test/support/promotions';
import { asAdmin, TEST_JWT_SECRET, type AuthHeaders } from '../../../test/support/tokens';
import { dbId } from '../../../test/support/ids';

/**
 * A discount's products and segments are checked with the products and customers subgraphs
 * before its transaction opens, so no pooled connection waits on the network: a burst of
 * creates far larger than the pool all succeed, and when an owner cannot answer, nothing is
 * written and each caller is told so.
 */
let promos: PromotionsHarness;
/** A second promotions server on the same database whose products subgraph cannot be reached. */
let cutOff: SubgraphServer;
let cutOffUrl: string;
let admin: AuthHeaders;
let productIds: string[];
let segmentId: string;

beforeAll(async () => {
  promos = await startPromotions({ withCustomers: true });
  admin = await asAdmin();
  cutOff = await createPromotionsServer({
    databaseUrl: promos.products.db.url,
    productsUrl: UNREACHABLE_URL,
    customersUrl: promos.customers!.url,
    currencyCode: 'EUR',
    logger: createLogger('promotions-cut-off', 'silent'),
    jwtSecret: TEST_JWT_SECRET,
    redemptionSweepMs: 0,
  });
  cutOffUrl = `${await cutOff.listen(0)}/graphql`;
  productIds = (await gqlData(promos.products.url, `{ products(first: 3) { nodes { id } } }`)).products.nodes.map(
    (p: { id: string }) => p.id,
  );
  const { segmentCreate } = await gqlData(
    promos.customers!.url,
    `mutation { segmentCreate(input: { name: "Club riders", rules: { tagsAny: ["club"] } }) { segment { id } userErrors { code } } }`,
  );
  segmentId = segmentCreate.segment.id;
});
afterAll(async () => {
  await cutOff?.close();
  await promos?.close();
});

const CREATE = `mutation($input: DiscountInput!) { discountCreate(input: $input) {
  discount { id title appliesTo { productIds } segmentIds } userErrors { field code } } }`;
const UPDATE = `mutation($id: ID!, $input: DiscountInput!) { discountUpdate(id: $id, input: $input) {
  discount { id title } userErrors { field code } } }`;

const knex = () => promos.server.orm.em.getConnection().getKnex();
async function discountRows(): Promise<number> {
  return Number((await knex()('promotions.discount').count({ n: '*' }).first())?.n);
}
const targeted = (i: number) => ({
  title: `Club ride ${i}`,
  code: `CLUB-${i}`,
  kind: 'PERCENTAGE',
  value: '10',
  appliesTo: { type: 'PRODUCTS', productIds },
  segmentIds: [segmentId],
});

it('answers 100 concurrent creates naming products and a segment, each with its discount, on a pool of 10', async () => {
  expect(promos.server.orm.config.get('pool')?.max).toBe(10);
  const before = await discountRows();
  const results = await Promise.all(Array.from({ length: 100 }, (_, i) => gql(promos.url, CREATE, { input: targeted(i) }, admin)));
  results.forEach((result, i) => {
    expect(result.errors).toBeUndefined();
    expect(result.data?.discountCreate).toEqual({
      discount: { id: expect.any(String), title: `Club ride ${i}`, appliesTo: { productIds }, segmentIds: [segmentId] },
      userErrors: [],
    });
  });
  expect(new Set(results.map((r) => r.data?.discountCreate.discount.id)).size).toBe(100);
  expect(await discountRows()).toBe(before + 100);
});

it('still refuses an unknown product or segment, naming each, and writes nothing', async () => {
  const before = await discountRows();
  const unknown = '00000000-0000-4000-8000-000000000000';
  const result = (
    await gqlData(promos.url, CREATE, {
      input: { ...targeted(1000), appliesTo: { type: 'PRODUCTS', productIds: [productIds[0], unknown] }, segmentIds: [unknown] },
    })
  ).discountCreate;
  expect(result).toEqual({
    discount: null,
    userErrors: [
      { field: ['input', 'appliesTo', 'productIds'], code: 'NOT_FOUND' },
      { field: ['input', 'segmentIds'], code: 'NOT_FOUND' },
    ],
  });
  expect(await discountRows()).toBe(before);
});

describe('when the products subgraph cannot be reached', () => {
  it('answers SUBGRAPH_UNAVAILABLE to each of 100 concurrent creates naming products, and writes nothing', async () => {
    const before = await discountRows();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => gql(cutOffUrl, CREATE, { input: targeted(2000 + i) }, admin)));
    for (const result of results) {
      expect(result.data?.discountCreate ?? null).toBeNull();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    }
    expect(await discountRows()).toBe(before);
  });

  it('checks the targets a discount keeps on update, so the update waits for products too and changes nothing', async () => {
    const { discount } = (await gqlData(promos.url, CREATE, { input: targeted(3000) })).discountCreate;
    const result = await gql(cutOffUrl, UPDATE, { id: discount.id, input: { title: 'Renamed while products are away' } }, admin);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    const row = await knex()('promotions.discount')
      .where({ id: dbId(discount.id) })
      .first();
    expect(row.title).toBe('Club ride 3000');
  });

  it('creates a discount that names no product without asking for one', async () => {
    const result = (await gqlData(cutOffUrl, CREATE, { input: { title: 'Everything 5%', kind: 'PERCENTAGE', value: '5' } }, admin))
      .discountCreate;
    expect(result.userErrors).toEqual([]);
    expect(result.discount.title).toBe('Everything 5%');
  });
});
