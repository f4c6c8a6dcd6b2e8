import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { asService, bearer } from '../../../test/support/tokens';
import { customersRows, signUpCustomer, startCustomers, type CustomersHarness } from '../../../test/support/customers';
import { dbId } from '../../../test/support/ids';

const IDENTITIES = `query($id: ID!) { customer(id: $id) { identities { channel externalId firstSeenAt lastSeenAt } } }`;
const LINK = `mutation($customerId: ID!, $channel: SalesChannel!, $externalId: String!) {
  customerIdentityLink(customerId: $customerId, channel: $channel, externalId: $externalId) {
    identity { channel externalId } customer { id } userErrors { field message code } } }`;
const LOOKUP = `query($email: String, $phone: String, $identity: ChannelIdentityInput) {
  customerLookup(email: $email, phone: $phone, identity: $identity) { id } }`;
const SIGN_IN = `mutation($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { accessToken { token } userErrors { code } } }`;
const PASSWORD = 'correct-horse-42';

let h: CustomersHarness;
beforeAll(async () => {
  h = await startCustomers();
});
afterAll(() => h.close());

const identitiesOf = async (id: string) =>
  (await gqlData(h.url, IDENTITIES, { id })).customer.identities as {
    channel: string;
    externalId: string | null;
    firstSeenAt: string;
    lastSeenAt: string;
  }[];

describe('channels a customer was seen on', () => {
  it('records the sign-up channel (WEB unless given) and touches the channel on sign-in', async () => {
    const web = await signUpCustomer(h, { password: PASSWORD });
    expect(await identitiesOf(web.id)).toEqual([expect.objectContaining({ channel: 'WEB', externalId: null })]);

    const pos = await signUpCustomer(h, { email: 'till@example.com', password: PASSWORD, channel: 'POS' });
    const [signedUp] = await identitiesOf(pos.id);
    expect(signedUp.channel).toBe('POS');

    const headers = { 'x-forwarded-for': '198.51.100.7' };
    expect(
      (await gqlData(h.url, SIGN_IN, { input: { email: 'till@example.com', password: PASSWORD, channel: 'POS' } }, headers))
        .customerAccessTokenCreate.userErrors,
    ).toEqual([]);
    expect(
      (await gqlData(h.url, SIGN_IN, { input: { email: 'till@example.com', password: PASSWORD, channel: 'APP' } }, headers))
        .customerAccessTokenCreate.userErrors,
    ).toEqual([]);
    // Without a channel, sign-in touches no identity.
    expect(
      (await gqlData(h.url, SIGN_IN, { input: { email: 'till@example.com', password: PASSWORD } }, headers)).customerAccessTokenCreate
        .userErrors,
    ).toEqual([]);

    const after = await identitiesOf(pos.id);
    expect(after.map((i) => i.channel)).toEqual(['POS', 'APP']);
    expect(after[0].firstSeenAt).toBe(signedUp.firstSeenAt);
    expect(new Date(after[0].lastSeenAt).getTime()).toBeGreaterThan(new Date(signedUp.lastSeenAt).getTime());
  });

  it('keeps one row per channel however many sign-ins race', async () => {
    await signUpCustomer(h, { email: 'racer@example.com', password: PASSWORD });
    const results = await Promise.all(
      // Four: parallel attempts count against the per-email limit of five until they succeed.
      Array.from({ length: 4 }, () =>
        gqlData(
          h.url,
          SIGN_IN,
          { input: { email: 'racer@example.com', password: PASSWORD, channel: 'APP' } },
          { 'x-forwarded-for': '198.51.100.8' },
        ),
      ),
    );
    for (const r of results) expect(r.customerAccessTokenCreate.userErrors).toEqual([]);
    const { id } = (await gqlData(h.url, LOOKUP, { email: 'racer@example.com' })).customerLookup;
    expect((await identitiesOf(id)).map((i) => i.channel)).toEqual(['WEB', 'APP']);
  });
});

describe('customerIdentityLink', () => {
  it('links a marketplace buyer id, finds the customer by it, and relinking is harmless', async () => {
    const ada = await signUpCustomer(h);
    const linked = await gqlData(
      h.url,
      LINK,
      { customerId: ada.id, channel: 'MARKETPLACE', externalId: ' buyer-4711 ' },
      await asService(),
    );
    expect(linked.customerIdentityLink).toEqual({
      identity: { channel: 'MARKETPLACE', externalId: 'buyer-4711' },
      // Asked by a service, which is answered database ids.
      customer: { id: dbId(ada.id) },
      userErrors: [],
    });
    const again = await gqlData(
      h.url,
      LINK,
      { customerId: ada.id, channel: 'MARKETPLACE', externalId: 'buyer-4711' },
      await bearer(Role.STAFF),
    );
    expect(again.customerIdentityLink.userErrors).toEqual([]);
    expect((await identitiesOf(ada.id)).filter((i) => i.channel === 'MARKETPLACE')).toHaveLength(1);

    const found = await gqlData(h.url, LOOKUP, { identity: { channel: 'MARKETPLACE', externalId: 'buyer-4711' } });
    expect(found.customerLookup.id).toBe(ada.id);
    // The same id on another channel is someone else's business.
    expect((await gqlData(h.url, LOOKUP, { identity: { channel: 'SOCIAL', externalId: 'buyer-4711' } })).customerLookup).toBeNull();
  });

  it('refuses a pair that belongs to another customer as TAKEN, also when two links race', async () => {
    const ada = await signUpCustomer(h);
    const bob = await signUpCustomer(h);
    await gqlData(h.url, LINK, { customerId: ada.id, channel: 'SOCIAL', externalId: '@ada' });
    const before = await customersRows(h, 'customer_identity');
    const taken = await gqlData(h.url, LINK, { customerId: bob.id, channel: 'SOCIAL', externalId: '@ada' });
    expect(taken.customerIdentityLink.identity).toBeNull();
    expect(taken.customerIdentityLink.userErrors).toEqual([expect.objectContaining({ field: ['externalId'], code: 'TAKEN' })]);
    expect(await customersRows(h, 'customer_identity')).toBe(before);

    const carol = await signUpCustomer(h);
    const dave = await signUpCustomer(h);
    const race = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        gqlData(h.url, LINK, { customerId: i % 2 ? carol.id : dave.id, channel: 'MARKETPLACE', externalId: 'contested' }),
      ),
    );
    const winners = new Set(race.filter((r) => r.customerIdentityLink.identity).map((r) => r.customerIdentityLink.customer.id));
    expect(winners.size).toBe(1);
    for (const r of race.filter((r) => !r.customerIdentityLink.identity)) expect(r.customerIdentityLink.userErrors[0].code).toBe('TAKEN');
  });

  it('refuses blank ids and unknown customers, writing nothing', async () => {
    const ada = await signUpCustomer(h);
    const before = await customersRows(h, 'customer_identity');
    const blank = await gqlData(h.url, LINK, { customerId: ada.id, channel: 'MARKETPLACE', externalId: '  ' });
    expect(blank.customerIdentityLink.userErrors).toEqual([expect.objectContaining({ field: ['externalId'], code: 'BLANK' })]);
    const unknown = await gqlData(h.url, LINK, {
      customerId: '00000000-0000-4000-8000-000000000000',
      channel: 'MARKETPLACE',
      externalId: 'x',
    });
    expect(unknown.customerIdentityLink.userErrors).toEqual([expect.objectContaining({ field: ['customerId'], code: 'NOT_FOUND' })]);
    expect(await customersRows(h, 'customer_identity')).toBe(before);
  });

  it('is for staff and services: customers and kiosks are refused', async () => {
    const ada = await signUpCustomer(h);
    for (const headers of [ada.headers, await bearer(Role.KIOSK)]) {
      const result = await gql(h.url, LINK, { customerId: ada.id, channel: 'MARKETPLACE', externalId: 'self-made' }, headers);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('customerLookup', () => {
  it('needs exactly one of email, phone and identity', async () => {
    for (const variables of [{}, { email: 'a@example.com', identity: { channel: 'WEB', externalId: 'x' } }]) {
      expect((await gql(h.url, LOOKUP, variables)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
