import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { bearer, verifyTestToken } from '../../../test/support/tokens';
import { customersSnapshot, signUpCustomer, startCustomers, type CustomersHarness } from '../../../test/support/customers';
import { dbId } from '../../../test/support/ids';

const MERGE = `mutation($sourceId: ID!, $targetId: ID!) { customerMerge(sourceId: $sourceId, targetId: $targetId) {
  customer { id } userErrors { field message code } } }`;
const FULL = `query($id: ID!) { customer(id: $id) { id email phone firstName lastName acceptsMarketing tags displayName
  addresses { id address1 } defaultAddress { id } identities { channel externalId }
  events(first: 50) { nodes { type productId data } } } }`;
const ADDRESS = `mutation($id: ID, $address1: String!, $default: Boolean) { customerAddressCreate(customerId: $id, setAsDefault: $default, input: { address1: $address1, city: "Berlin", countryCode: "DE" }) { address { id } } }`;
const LINK = `mutation($id: ID!, $externalId: String!) { customerIdentityLink(customerId: $id, channel: MARKETPLACE, externalId: $externalId) { userErrors { code } } }`;
const TRACK = `mutation($id: ID, $productId: ID) { customerEventTrack(input: { customerId: $id, type: PRODUCT_VIEWED, productId: $productId }) { userErrors { code } } }`;
const TAGS = `mutation($id: ID, $tags: [String!]) { customerUpdate(id: $id, input: { tags: $tags }) { userErrors { code } } }`;
const SIGN_IN = `mutation($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { accessToken { token } userErrors { code } } }`;
const PASSWORD = 'source-password-1';

let h: CustomersHarness;
beforeAll(async () => {
  h = await startCustomers();
});
afterAll(() => h.close());

const merge = async (sourceId: string, targetId: string, headers?: Record<string, string>) =>
  (await gqlData(h.url, MERGE, { sourceId, targetId }, headers)).customerMerge;
const full = async (id: string, headers?: Record<string, string>) => (await gqlData(h.url, FULL, { id }, headers)).customer;
const rawRow = (id: string) =>
  h.server.orm.em
    .getConnection()
    .getKnex()('customers.customer')
    .where({ id: dbId(id) })
    .first();
const outbox = () => h.server.orm.em.getConnection().getKnex()('customers.outbox_event').orderBy('id');

describe('merging a duplicate', () => {
  it('folds the source into the target and leaves the source as a redirect', async () => {
    const source = await signUpCustomer(h, {
      email: 'ada.pos@example.com',
      phone: '+49 30 5558001',
      firstName: 'Ada',
      lastName: 'Lovelace',
      password: PASSWORD,
      acceptsMarketing: true,
      channel: 'POS',
    });
    const target = await signUpCustomer(h, { email: 'ada.web@example.com', acceptsMarketing: false });
    const sourceHome = (await gqlData(h.url, ADDRESS, { id: source.id, address1: 'Torstraße 1' })).customerAddressCreate.address.id;
    await gqlData(h.url, LINK, { id: source.id, externalId: 'buyer-ada' });
    await gqlData(h.url, TRACK, { id: source.id, productId: 'bike-1' });
    await gqlData(h.url, TAGS, { id: source.id, tags: ['vip', 'pos'] });
    await gqlData(h.url, TAGS, { id: target.id, tags: ['newsletter', 'vip'] });
    const outboxBefore = (await outbox()).length;

    const merged = await merge(source.id, target.id, await bearer(Role.STAFF));
    expect(merged).toEqual({ customer: { id: target.id }, userErrors: [] });

    const after = await full(target.id);
    expect(after).toMatchObject({
      email: 'ada.web@example.com', // the target's own stays
      phone: '+49305558001', // missing on the target: taken from the source
      firstName: 'Ada',
      lastName: 'Lovelace',
      acceptsMarketing: false, // consent is never inferred from the duplicate
      tags: ['newsletter', 'vip', 'pos'],
      addresses: [{ id: sourceHome, address1: 'Torstraße 1' }],
      defaultAddress: { id: sourceHome },
    });
    expect(after.identities).toEqual(
      expect.arrayContaining([
        { channel: 'WEB', externalId: null },
        { channel: 'POS', externalId: null },
        { channel: 'MARKETPLACE', externalId: 'buyer-ada' },
      ]),
    );
    expect(after.identities).toHaveLength(3);
    expect(after.events.nodes.map((e: { type: string }) => e.type)).toEqual([
      'MERGED',
      'PRODUCT_VIEWED',
      'IDENTITY_LINKED',
      'SIGNED_UP',
      'SIGNED_UP',
    ]);
    expect(after.events.nodes[0].data).toEqual({ sourceId: dbId(source.id) });

    const row = await rawRow(source.id);
    expect(row).toMatchObject({
      merged_into_id: dbId(target.id),
      email: null,
      phone: null,
      first_name: null,
      last_name: null,
      password_hash: null,
      tags: [],
      default_address_id: null,
    });
    expect(row.merged_at).not.toBeNull();

    const events = await outbox();
    expect(events).toHaveLength(outboxBefore + 1);
    expect(events.at(-1)).toMatchObject({
      topic: 'customer.merged',
      key: dbId(source.id),
      payload: { sourceId: dbId(source.id), targetId: dbId(target.id) },
    });
  });

  it("resolves the source id to the target everywhere: customer(id), _entities, the source's own token, sign-in with its password", async () => {
    const source = await signUpCustomer(h, { email: 'twin.a@example.com', password: PASSWORD });
    const target = await signUpCustomer(h, { email: null, phone: '+49 30 5558002' });
    await merge(source.id, target.id);

    expect((await full(source.id)).id).toBe(target.id);
    const entities = await gqlData(h.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }`, {
      r: [{ __typename: 'Customer', id: source.id }],
    });
    expect(entities._entities).toEqual([{ id: target.id, email: 'twin.a@example.com' }]);
    expect((await gqlData(h.url, '{ me { id } }', {}, source.headers)).me).toEqual({ id: target.id });
    expect((await full(target.id, source.headers)).id).toBe(target.id);

    // The target had no email or password: the source's moved over, so the person signs in as before.
    const signIn = await gqlData(
      h.url,
      SIGN_IN,
      { input: { email: 'twin.a@example.com', password: PASSWORD } },
      { 'x-forwarded-for': '198.51.100.20' },
    );
    expect((await verifyTestToken(signIn.customerAccessTokenCreate.accessToken.token)).subject).toBe(dbId(target.id));
  });

  it("keeps the target's password and default address, and an identical address only once", async () => {
    const source = await signUpCustomer(h, { password: PASSWORD });
    const target = await signUpCustomer(h, { password: 'target-password-2' });
    await gqlData(h.url, ADDRESS, { id: source.id, address1: 'Same Street 1' });
    const sourceOther = (await gqlData(h.url, ADDRESS, { id: source.id, address1: 'Other Street 2', default: true })).customerAddressCreate
      .address.id;
    const targetHome = (await gqlData(h.url, ADDRESS, { id: target.id, address1: 'Same Street 1' })).customerAddressCreate.address.id;
    const hashBefore = (await rawRow(target.id)).password_hash;

    await merge(source.id, target.id);
    const after = await full(target.id);
    expect(after.defaultAddress).toEqual({ id: targetHome });
    expect(after.addresses.map((a: { id: string }) => a.id).sort()).toEqual([targetHome, sourceOther].sort());
    expect((await rawRow(target.id)).password_hash).toBe(hashBefore);
  });

  it("takes the source's default as the identical twin the target already has", async () => {
    const source = await signUpCustomer(h);
    const target = await signUpCustomer(h);
    await gqlData(h.url, ADDRESS, { id: source.id, address1: 'Twin Street 3' });
    // The target has the address but, having deleted its default meanwhile, no default: impossible
    // through the API, so the default is cleared directly.
    const twin = (await gqlData(h.url, ADDRESS, { id: target.id, address1: 'Twin Street 3' })).customerAddressCreate.address.id;
    await h.server.orm.em
      .getConnection()
      .execute(`update customers.customer set default_address_id = null where id = '${dbId(target.id)}'`);
    await merge(source.id, target.id);
    const after = await full(target.id);
    expect(after.addresses).toEqual([{ id: twin, address1: 'Twin Street 3' }]);
    expect(after.defaultAddress).toEqual({ id: twin });
  });

  it("brings the source's orders and refunds along, so order count, spend and channels follow the person", async () => {
    const source = await signUpCustomer(h, { email: 'orders.pos@example.com' });
    const target = await signUpCustomer(h, { email: 'orders.web@example.com' });
    const knex = h.server.orm.em.getConnection().getKnex();
    // The facts the orders consumer records from order.placed and refund.created.
    const order = (id: string, customer: string, totalMinor: number, channel: string) => ({
      order_id: id,
      customer_id: dbId(customer),
      number: id.slice(0, 8),
      total_minor: totalMinor,
      currency_code: 'EUR',
      placed_at: new Date(),
      channel,
    });
    await knex('customers.customer_order').insert([
      order('00000000-0000-4000-8000-00000000a001', source.id, 4000, 'POS'),
      order('00000000-0000-4000-8000-00000000a002', target.id, 2000, 'WEB'),
    ]);
    await knex('customers.customer_refund').insert({
      refund_id: '00000000-0000-4000-8000-00000000b001',
      order_id: '00000000-0000-4000-8000-00000000a001',
      customer_id: dbId(source.id),
      amount_minor: 1000,
      refunded_at: new Date(),
    });
    expect((await merge(source.id, target.id, await bearer(Role.STAFF))).userErrors).toEqual([]);
    const FIGURES = `query($id: ID!) { customer(id: $id) { orderCount totalSpent { amount } averageOrderValue { amount } purchaseChannels } }`;
    expect((await gqlData(h.url, FIGURES, { id: target.id }, await bearer(Role.STAFF))).customer).toEqual({
      orderCount: 2,
      totalSpent: { amount: '50.00' },
      averageOrderValue: { amount: '25.00' },
      purchaseChannels: ['POS', 'WEB'],
    });
  });

  it('frees the source email and phone for a new sign-up', async () => {
    const source = await signUpCustomer(h, { email: 'reused@example.com', phone: '+49 30 5558003' });
    const target = await signUpCustomer(h, { email: 'keeper@example.com', phone: '+49 30 5558004' });
    await merge(source.id, target.id);
    const again = await signUpCustomer(h, { email: 'reused@example.com', phone: '+49 30 5558003' });
    expect(again.id).not.toBe(source.id);
  });

  it('flattens chains: A into B, then B into C, leaves A redirecting to C', async () => {
    const [a, b, c] = await Promise.all([signUpCustomer(h), signUpCustomer(h), signUpCustomer(h)]);
    await merge(a.id, b.id);
    await merge(b.id, c.id);
    expect((await rawRow(a.id)).merged_into_id).toBe(dbId(c.id));
    expect((await full(a.id)).id).toBe(c.id);
    const exported = await gqlData(h.url, `mutation($id: ID) { customerDataExport(id: $id) { export { data } } }`, { id: c.id });
    expect(exported.customerDataExport.export.data.mergedCustomerIds.sort()).toEqual([dbId(a.id), dbId(b.id)].sort());
  });
});

describe('bad merges write nothing', () => {
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';

  it.each([
    ['itself', async (x: string) => [x, x], ['targetId'], 'INVALID'],
    ['an unknown source', async (x: string) => [UNKNOWN, x], ['sourceId'], 'NOT_FOUND'],
    ['an unknown target', async (x: string) => [x, 'not-a-uuid'], ['targetId'], 'NOT_FOUND'],
    [
      'an already merged source',
      async (x: string) => {
        const other = await signUpCustomer(h);
        await merge(x, other.id);
        return [x, (await signUpCustomer(h)).id];
      },
      ['sourceId'],
      'ALREADY_MERGED',
    ],
    [
      'a merged-away target',
      async (x: string) => {
        const gone = await signUpCustomer(h);
        await merge(gone.id, (await signUpCustomer(h)).id);
        return [x, gone.id];
      },
      ['targetId'],
      'ALREADY_MERGED',
    ],
    [
      'an erased customer',
      async (x: string) => {
        const erased = await signUpCustomer(h);
        await gqlData(h.url, `mutation($id: ID) { customerErase(id: $id) { userErrors { code } } }`, { id: erased.id });
        return [erased.id, x];
      },
      ['sourceId'],
      'ERASED',
    ],
  ] as const)('refuses merging %s', async (_name, ids, field, code) => {
    const x = await signUpCustomer(h, { firstName: 'Untouched' });
    await gqlData(h.url, ADDRESS, { id: x.id, address1: 'Untouched Street 1' });
    const [sourceId, targetId] = await ids(x.id);
    const before = { counts: await customersSnapshot(h), row: await full(x.id) };
    const result = await merge(sourceId, targetId);
    expect(result.customer).toBeNull();
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect({ counts: await customersSnapshot(h), row: await full(x.id) }).toEqual(before);
  });

  it('lets one of several concurrent merges of a pair, either way round, win, without deadlock', async () => {
    const a = await signUpCustomer(h);
    const b = await signUpCustomer(h);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? merge(a.id, b.id) : merge(b.id, a.id))));
    const winners = results.filter((r) => r.customer);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((r) => !r.customer)) expect(r.userErrors[0].code).toBe('ALREADY_MERGED');
    const mergedEvents = (await outbox()).filter(
      (e: { topic: string; payload: { sourceId: string } }) =>
        e.topic === 'customer.merged' && [dbId(a.id), dbId(b.id)].includes(e.payload.sourceId),
    );
    expect(mergedEvents).toHaveLength(1);
  });

  it('is for staff: customers and kiosks are refused', async () => {
    const a = await signUpCustomer(h);
    const b = await signUpCustomer(h);
    for (const headers of [a.headers, await bearer(Role.KIOSK)]) {
      expect((await gql(h.url, MERGE, { sourceId: b.id, targetId: a.id }, headers)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await rawRow(b.id)).merged_into_id).toBeNull();
  });
});
