import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { foldCustomer } from '../subgraphs/promotions/src/services/customer-fold.service';
import { gql, gqlData } from './support/graphql-client';
import { startSupergraph, type SupergraphHarness } from './support/supergraph';
import { asService, bearer, type AuthHeaders } from './support/tokens';
import { dbId } from './support/ids';

/**
 * Promotions works with what the customers subgraph knows, never with what a caller claims:
 * discount segments are checked against it, a basket is priced with the segments it puts the
 * customer in, and a merge or an erasure there reaches the balances here through its events.
 */
let system: SupergraphHarness;
let admin: AuthHeaders;
let staff: AuthHeaders;

beforeAll(async () => {
  system = await startSupergraph();
  admin = await bearer(Role.ADMIN);
  staff = await bearer(Role.STAFF);
});
afterAll(() => system?.close());

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers: AuthHeaders = admin) =>
  gqlData<T>(system.gateway.url, query, variables, headers);

/** The promotions subgraph itself, as the orders subgraph calls it for internal commands. */
const promotions = async (query: string, variables: Record<string, unknown>) =>
  gqlData(system.urls.promotions, query, variables, { ...(await asService()), 'x-gateway-secret': system.gatewaySecret });

async function newCustomer(email: string): Promise<string> {
  const { customerCreate } = await api(
    `mutation($email: String!) { customerCreate(input: { email: $email, password: "correct-horse-42" }) { customer { id } userErrors { code } } }`,
    { email },
  );
  expect(customerCreate.userErrors).toEqual([]);
  return customerCreate.customer.id;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('segments', () => {
  let vipSegment: string;
  let vip: string;
  let regular: string;

  beforeAll(async () => {
    const { segmentCreate } = await api(
      `mutation { segmentCreate(input: { name: "VIP riders", rules: { tagsAny: ["vip"] } }) { segment { id } userErrors { code } } }`,
    );
    vipSegment = segmentCreate.segment.id;
    vip = await newCustomer('vip.rider@example.com');
    regular = await newCustomer('regular.rider@example.com');
    await api(`mutation($id: ID) { customerUpdate(id: $id, input: { tags: ["vip"] }) { userErrors { code } } }`, { id: vip }, staff);
  });

  it('refuses a discount for a segment the customers subgraph does not know, and writes nothing', async () => {
    const create = `mutation($segments: [ID!]) { discountCreate(input: { title: "Members 5%", kind: PERCENTAGE, value: "5", segmentIds: $segments }) { discount { id } userErrors { field code } } }`;
    const refused = (await api(create, { segments: [vipSegment, randomUUID()] })).discountCreate;
    expect(refused).toEqual({ discount: null, userErrors: [{ field: ['input', 'segmentIds'], code: 'NOT_FOUND' }] });
    expect(
      (await api(`{ discounts(first: 250) { nodes { title } } }`)).discounts.nodes.map((d: { title: string }) => d.title),
    ).not.toContain('Members 5%');
    expect((await api(create, { segments: [vipSegment] })).discountCreate.userErrors).toEqual([]);
  });

  it('prices a basket with the segments the customers subgraph puts the customer in', async () => {
    await api(
      `mutation($segments: [ID!]) { discountCreate(input: { title: "VIP 20%", kind: PERCENTAGE, value: "20", segmentIds: $segments }) { userErrors { code } } }`,
      { segments: [vipSegment] },
    );
    const evaluate = async (customerId: string | null) =>
      (
        await promotions(`query($input: DiscountEvaluationInput!) { discountsEvaluate(input: $input) { applied { title } } }`, {
          input: {
            lines: [{ id: 'l1', sku: 'SKU-1', productId: randomUUID(), quantity: 1, unitPrice: '100.00' }],
            customerId,
            channel: 'WEB',
          },
        })
      ).discountsEvaluate.applied.map((a: { title: string }) => a.title);
    expect(await evaluate(vip)).toContain('VIP 20%');
    expect(await evaluate(regular)).not.toContain('VIP 20%');
    expect(await evaluate(null)).not.toContain('VIP 20%');
  });
});

describe('a merge in the customers subgraph', () => {
  it("folds the duplicate's points, store credit, gift cards and discount uses into the customer kept, once", async () => {
    const source = await newCustomer('ada.duplicate@example.com');
    const target = await newCustomer('ada.kept@example.com');
    const points = (customerId: string, n: number) =>
      api(
        `mutation($input: LoyaltyPointsAdjustInput!) { loyaltyPointsAdjust(input: $input) { userErrors { code } } }`,
        { input: { customerId, points: n, reason: 'Welcome' } },
        staff,
      );
    await points(source, 100);
    await points(target, 50);
    await api(
      `mutation($id: ID!) { storeCreditIssue(input: { customerId: $id, amount: { amount: "10.00" }, reason: "Return" }) { userErrors { code } } }`,
      { id: source },
      staff,
    );
    await api(
      `mutation($id: ID!) { giftCardCreate(input: { initialValue: { amount: "25" }, customerId: $id }) { userErrors { code } } }`,
      { id: source },
      staff,
    );
    const once = (
      await api(
        `mutation { discountCreate(input: { title: "Once each", code: "ONCEEACH", kind: FIXED_AMOUNT, value: "5", usageLimitPerCustomer: 1 }) { discount { id } } }`,
      )
    ).discountCreate.discount.id;
    await promotions(
      `mutation($input: DiscountRedemptionReserveInput!) { discountRedemptionReserve(input: $input) { userErrors { code } } }`,
      { input: { key: `merge-${source}`, discountIds: [once], customerId: source } },
    );
    const sourceToken = await bearer(Role.CUSTOMER, { subject: source });

    const merged = await api(
      `mutation($s: ID!, $t: ID!) { customerMerge(sourceId: $s, targetId: $t) { userErrors { code } } }`,
      { s: source, t: target },
      staff,
    );
    expect(merged.customerMerge.userErrors).toEqual([]);

    const BALANCES = `query($id: ID!) { customer(id: $id) { id loyalty { points } storeCredit { amount } giftCards { balance { amount } } } }`;
    const kept = await eventually(
      () => api(BALANCES, { id: target }, staff),
      (r) => r.customer.loyalty.points === 150,
      'the points to move',
    );
    expect(kept.customer).toMatchObject({ storeCredit: { amount: '10.00' }, giftCards: [{ balance: { amount: '25.00' } }] });
    // A token issued before the merge reaches the merged balances.
    const mine = await gql(system.gateway.url, `{ me { id loyalty { points } } }`, {}, sourceToken);
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.me).toEqual({ id: target, loyalty: { points: 150 } });
    // The use the duplicate held counts against the customer kept.
    const evaluation = await promotions(
      `query($input: DiscountEvaluationInput!) { discountsEvaluate(input: $input) { rejectedCodes { code reason } } }`,
      {
        input: {
          lines: [{ id: 'l1', sku: 'SKU-1', productId: randomUUID(), quantity: 1, unitPrice: '50.00' }],
          customerId: target,
          channel: 'WEB',
          codes: ['ONCEEACH'],
        },
      },
    );
    expect(evaluation.discountsEvaluate.rejectedCodes).toEqual([{ code: 'ONCEEACH', reason: 'USAGE_LIMIT_REACHED' }]);

    // The event comes again (at least once): nothing changes, and every ledger still sums.
    await system.servers.promotions.orm.em.fork().transactional((em) => foldCustomer(em, source, target));
    expect((await api(BALANCES, { id: target }, staff)).customer.loyalty.points).toBe(150);
    expect(await ledgerMismatches()).toEqual([]);
  });
});

it("drops the notes staff wrote on an erased customer's gift cards, and keeps the balance", async () => {
  const customer = await newCustomer('leaving@example.com');
  await api(
    `mutation($id: ID!) { giftCardCreate(input: { initialValue: { amount: "30" }, customerId: $id, note: "Birthday present from Grandma Lovelace" }) { userErrors { code } } }`,
    { id: customer },
    staff,
  );
  const erased = await api(`mutation { customerErase { userErrors { code } } }`, {}, await bearer(Role.CUSTOMER, { subject: customer }));
  expect(erased.customerErase.userErrors).toEqual([]);
  const knex = system.servers.promotions.orm.em.getConnection().getKnex();
  const card = await eventually(
    () =>
      knex('promotions.gift_card')
        .where({ customer_id: dbId(customer) })
        .first(),
    (row) => row.note === null,
    'the note to go',
  );
  expect(Number(card.balance)).toBe(3000);
});

/** Accounts whose ledger entries do not sum to their balance: empty when every ledger is whole. */
async function ledgerMismatches(): Promise<unknown[]> {
  const knex = system.servers.promotions.orm.em.getConnection().getKnex();
  const { rows } = await knex.raw(`
    select a.id from promotions.loyalty_account a left join promotions.loyalty_entry e on e.account_id = a.id
    group by a.id, a.points having a.points <> coalesce(sum(e.points), 0)
    union all
    select a.id from promotions.store_credit_account a left join promotions.store_credit_entry e on e.account_id = a.id
    group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)`);
  return rows;
}
