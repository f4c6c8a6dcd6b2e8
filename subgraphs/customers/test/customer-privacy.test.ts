import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { ANONYMOUS, bearer } from '../../../test/support/tokens';
import { customersSnapshot, signUpCustomer, startCustomers, type CustomersHarness } from '../../../test/support/customers';
import { dbId } from '../../../test/support/ids';

const EXPORT = `mutation($id: ID) { customerDataExport(id: $id) { export { generatedAt customer { id email } data } userErrors { field message code } } }`;
const ERASE = `mutation($id: ID) { customerErase(id: $id) { customer { id email phone firstName lastName displayName tags erasedAt addresses { id } defaultAddress { id } } userErrors { field message code } } }`;
const ADDRESS = `mutation($id: ID) { customerAddressCreate(customerId: $id, input: { address1: "Torstraße 1", city: "Berlin", countryCode: "DE", phone: "+49 30 1" }) { address { id } } }`;
const LINK = `mutation($id: ID!, $externalId: String!) { customerIdentityLink(customerId: $id, channel: MARKETPLACE, externalId: $externalId) { userErrors { code } } }`;
const TRACK = `mutation($id: ID, $data: JSONObject) { customerEventTrack(input: { customerId: $id, type: SUPPORT_CONTACT, channel: APP, data: $data }) { userErrors { code } } }`;
const SEGMENT = `mutation($tag: String!) { segmentCreate(input: { name: $tag, rules: { tagsAny: [$tag] } }) { segment { id } } }`;
const LOOKUP = `query($email: String, $identity: ChannelIdentityInput) { customerLookup(email: $email, identity: $identity) { id } }`;
const SIGN_IN = `mutation($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { accessToken { token } userErrors { code } } }`;
const PASSWORD = 'private-person-9';

let h: CustomersHarness;
let manager: Record<string, string>;
beforeAll(async () => {
  h = await startCustomers();
  manager = await bearer(Role.MANAGER);
});
afterAll(() => h.close());

const knex = () => h.server.orm.em.getConnection().getKnex();

/** A customer with something of everything: addresses, identities, timeline details, tags, a segment. */
async function richCustomer(email: string) {
  const customer = await signUpCustomer(h, {
    email,
    phone: null,
    firstName: 'Grace',
    lastName: 'Hopper',
    password: PASSWORD,
    acceptsMarketing: true,
  });
  await gqlData(h.url, ADDRESS, { id: customer.id });
  await gqlData(h.url, LINK, { id: customer.id, externalId: `buyer-${email}` });
  await gqlData(h.url, TRACK, { id: customer.id, data: { note: 'called about her order', phone: '+49 30 1' } });
  await gqlData(h.url, `mutation($id: ID, $tags: [String!]) { customerUpdate(id: $id, input: { tags: $tags }) { userErrors { code } } }`, {
    id: customer.id,
    tags: [`tag-${email}`],
  });
  const segment = (await gqlData(h.url, SEGMENT, { tag: `tag-${email}` }, manager)).segmentCreate.segment;
  return { ...customer, segmentId: segment.id as string };
}

describe('customerDataExport', () => {
  it('gives the customer everything held about them', async () => {
    const grace = await richCustomer('grace@example.com');
    const merged = await signUpCustomer(h);
    await gqlData(h.url, `mutation($s: ID!, $t: ID!) { customerMerge(sourceId: $s, targetId: $t) { userErrors { code } } }`, {
      s: merged.id,
      t: grace.id,
    });

    const result = await gqlData(h.url, EXPORT, {}, grace.headers);
    const { export: exported, userErrors } = result.customerDataExport;
    expect(userErrors).toEqual([]);
    expect(exported.customer).toEqual({ id: grace.id, email: 'grace@example.com' });
    expect(Math.abs(new Date(exported.generatedAt).getTime() - Date.now())).toBeLessThan(60_000);
    const { data } = exported;
    expect(data.profile).toMatchObject({
      id: dbId(grace.id),
      email: 'grace@example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
      acceptsMarketing: true,
      hasPassword: true,
      tags: ['tag-grace@example.com'],
    });
    expect(JSON.stringify(data)).not.toMatch(/scrypt|passwordHash/);
    expect(data.addresses).toEqual([expect.objectContaining({ address1: 'Torstraße 1', city: 'Berlin' })]);
    expect(data.identities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'WEB', externalId: null }),
        expect.objectContaining({ channel: 'MARKETPLACE', externalId: 'buyer-grace@example.com' }),
      ]),
    );
    // Newest first; the merged duplicate signed up after Grace's support call.
    expect(data.timeline.map((e: { type: string }) => e.type)).toEqual([
      'MERGED',
      'SIGNED_UP',
      'SUPPORT_CONTACT',
      'IDENTITY_LINKED',
      'SIGNED_UP',
    ]);
    expect(data.timeline[2]).toMatchObject({ channel: 'APP', data: { note: 'called about her order', phone: '+49 30 1' } });
    expect(data.segments).toEqual([{ id: dbId(grace.segmentId), name: 'tag-grace@example.com' }]);
    expect(data.mergedCustomerIds).toEqual([dbId(merged.id)]);
  });

  it('is for the customer themselves and managers: other customers, staff, kiosks and anonymous callers are refused', async () => {
    const ada = await signUpCustomer(h);
    const bob = await signUpCustomer(h);
    expect((await gqlData(h.url, EXPORT, { id: ada.id }, manager)).customerDataExport.export.customer.id).toBe(ada.id);
    expect((await gql(h.url, EXPORT, { id: ada.id }, bob.headers)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(h.url, EXPORT, { id: ada.id }, await bearer(Role.STAFF))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(h.url, EXPORT, { id: ada.id }, await bearer(Role.KIOSK))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(h.url, EXPORT, { id: ada.id }, ANONYMOUS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await gqlData(h.url, EXPORT, { id: '00000000-0000-4000-8000-000000000000' }, manager)).customerDataExport.userErrors[0].code,
    ).toBe('NOT_FOUND');
  });
});

describe('customerErase', () => {
  it("redacts every piece of personal data in one go, keeping the row, its id and the channels' dates", async () => {
    const grace = await richCustomer('erase.me@example.com');
    const outboxBefore = await knex()('customers.outbox_event').count({ n: '*' }).first();

    const result = await gqlData(h.url, ERASE, {}, grace.headers);
    expect(result.customerErase.userErrors).toEqual([]);
    expect(result.customerErase.customer).toMatchObject({
      id: grace.id,
      email: null,
      phone: null,
      firstName: null,
      lastName: null,
      displayName: 'Erased customer',
      tags: [],
      addresses: [],
      defaultAddress: null,
    });
    expect(result.customerErase.customer.erasedAt).toEqual(expect.any(String));

    const row = await knex()('customers.customer')
      .where({ id: dbId(grace.id) })
      .first();
    expect(row).toMatchObject({
      email: null,
      phone: null,
      first_name: null,
      last_name: null,
      password_hash: null,
      tags: [],
      accepts_marketing: false,
    });
    expect(await knex()('customers.customer_address').where({ customer_id: dbId(grace.id) })).toEqual([]);
    const identities = await knex()('customers.customer_identity')
      .where({ customer_id: dbId(grace.id) })
      .orderBy('channel');
    expect(identities.map((i: { channel: string; external_id: string | null }) => [i.channel, i.external_id])).toEqual([
      ['MARKETPLACE', null],
      ['WEB', null],
    ]);
    const events = await knex()('customers.customer_event').where({ customer_id: dbId(grace.id) });
    expect(events.every((e: { data: unknown }) => e.data === null)).toBe(true);
    expect(events.map((e: { type: string }) => e.type)).toContain('ERASED');

    const outbox = await knex()('customers.outbox_event').orderBy('id', 'desc').first();
    expect(outbox).toMatchObject({ topic: 'customer.erased', key: dbId(grace.id), payload: { customerId: dbId(grace.id) } });
    expect(Number((await knex()('customers.outbox_event').count({ n: '*' }).first())?.n)).toBe(Number(outboxBefore?.n) + 1);
  });

  it('leaves an erased customer unable to sign in, be looked up, or be in a segment', async () => {
    const grace = await richCustomer('gone@example.com');
    await gqlData(h.url, ERASE, { id: grace.id }, manager);
    const signIn = await gqlData(
      h.url,
      SIGN_IN,
      { input: { email: 'gone@example.com', password: PASSWORD } },
      { 'x-forwarded-for': '198.51.100.30' },
    );
    expect(signIn.customerAccessTokenCreate.userErrors).toEqual([{ code: 'UNIDENTIFIED_CUSTOMER' }]);
    expect((await gqlData(h.url, LOOKUP, { email: 'gone@example.com' })).customerLookup).toBeNull();
    expect(
      (await gqlData(h.url, LOOKUP, { identity: { channel: 'MARKETPLACE', externalId: 'buyer-gone@example.com' } })).customerLookup,
    ).toBeNull();
    expect(
      (await gqlData(h.url, `query($id: ID) { customers(segmentId: $id, first: 10) { nodes { id } } }`, { id: grace.segmentId })).customers
        .nodes,
    ).toEqual([]);
    expect(
      (await gqlData(h.url, `query($id: ID!) { customer(id: $id) { displayName segments { id } } }`, { id: grace.id })).customer,
    ).toEqual({ displayName: 'Erased customer', segments: [] });
    // Their old token no longer finds them, and nothing more can be recorded for them.
    expect((await gqlData(h.url, '{ me { id } }', {}, grace.headers)).me).toBeNull();
    const track = await gqlData(h.url, TRACK, { id: grace.id }, grace.headers);
    expect(track.customerEventTrack.userErrors).toEqual([{ code: 'ERASED' }]);
    // The email is free for someone new.
    await signUpCustomer(h, { email: 'gone@example.com' });
  });

  it('refuses erasing twice with ALREADY_ERASED, changing nothing', async () => {
    const ada = await signUpCustomer(h);
    await gqlData(h.url, ERASE, { id: ada.id }, manager);
    const before = {
      counts: await customersSnapshot(h),
      row: await knex()('customers.customer')
        .where({ id: dbId(ada.id) })
        .first(),
    };
    const again = await gqlData(h.url, ERASE, { id: ada.id }, manager);
    expect(again.customerErase).toEqual({
      customer: null,
      userErrors: [expect.objectContaining({ field: ['id'], code: 'ALREADY_ERASED' })],
    });
    expect({
      counts: await customersSnapshot(h),
      row: await knex()('customers.customer')
        .where({ id: dbId(ada.id) })
        .first(),
    }).toEqual(before);
  });

  it('erases once when asked twice at the same moment', async () => {
    const ada = await signUpCustomer(h);
    const results = await Promise.all([gqlData(h.url, ERASE, { id: ada.id }, manager), gqlData(h.url, ERASE, { id: ada.id }, manager)]);
    expect(results.map((r) => r.customerErase.userErrors.map((e: { code: string }) => e.code)).sort()).toEqual([[], ['ALREADY_ERASED']]);
    expect(await knex()('customers.outbox_event').where({ topic: 'customer.erased', key: dbId(ada.id) })).toHaveLength(1);
  });

  it('is for the customer themselves and managers', async () => {
    const ada = await signUpCustomer(h);
    const bob = await signUpCustomer(h);
    const before = await customersSnapshot(h);
    for (const [headers, code] of [
      [bob.headers, 'FORBIDDEN'],
      [await bearer(Role.STAFF), 'FORBIDDEN'],
      [await bearer(Role.KIOSK), 'FORBIDDEN'],
      [ANONYMOUS, 'UNAUTHENTICATED'],
    ] as const) {
      expect((await gql(h.url, ERASE, { id: ada.id }, headers)).errors?.[0].extensions?.code).toBe(code);
    }
    expect(await customersSnapshot(h)).toEqual(before);
    expect(
      (
        await knex()('customers.customer')
          .where({ id: dbId(ada.id) })
          .first()
      ).erased_at,
    ).toBeNull();
  });
});
