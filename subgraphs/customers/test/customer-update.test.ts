import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { bearer } from '../../../test/support/tokens';
import { signUpCustomer, startCustomers, type CustomersHarness } from '../../../test/support/customers';

const UPDATE = `mutation($id: ID, $input: CustomerUpdateInput!) {
  customerUpdate(id: $id, input: $input) {
    customer { id email phone firstName lastName acceptsMarketing tags displayName } userErrors { field message code } } }`;
const READ = `query($id: ID!) { customer(id: $id) { email phone firstName lastName acceptsMarketing tags } }`;

let h: CustomersHarness;
beforeAll(async () => {
  h = await startCustomers();
});
afterAll(() => h.close());

const update = async (headers: Record<string, string>, input: Record<string, unknown>, id?: string) => {
  const result = await gql(h.url, UPDATE, { id, input }, headers);
  expect(result.errors).toBeUndefined();
  return result.data!.customerUpdate;
};
const read = async (id: string) => (await gqlData(h.url, READ, { id })).customer;

describe('a customer changes their own profile', () => {
  it('changes names, email, phone and consent, normalised as at sign-up; left-out fields stay', async () => {
    const ada = await signUpCustomer(h, { firstName: 'Ada', acceptsMarketing: false });
    const result = await update(ada.headers, {
      lastName: ' Lovelace ',
      email: ' ADA.L@Example.com',
      phone: '030 5550101',
      acceptsMarketing: true,
    });
    expect(result.userErrors).toEqual([]);
    expect(result.customer).toMatchObject({
      id: ada.id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada.l@example.com',
      phone: '+49305550101',
      acceptsMarketing: true,
      displayName: 'Ada Lovelace',
    });
    const cleared = await update(ada.headers, { firstName: null, phone: '' });
    expect(cleared.customer).toMatchObject({ firstName: null, phone: null, email: 'ada.l@example.com', lastName: 'Lovelace' });
  });

  it('keeps an email or a phone: clearing both is refused and nothing changes', async () => {
    const ada = await signUpCustomer(h);
    const before = await read(ada.id);
    const result = await update(ada.headers, { email: null, firstName: 'Changed' });
    expect(result.customer).toBeNull();
    expect(result.userErrors).toEqual([expect.objectContaining({ field: ['input', 'email'], code: 'BLANK' })]);
    expect(await read(ada.id)).toEqual(before);
  });

  it('leaves nothing of a refused change behind for a later mutation of the same request to write', async () => {
    const ada = await signUpCustomer(h, { firstName: 'Ada' });
    const before = await read(ada.id);
    const result = await gqlData(
      h.url,
      `mutation($id: ID) {
        refused: customerUpdate(id: $id, input: { email: null, lastName: "Changed" }) { userErrors { code } }
        other: segmentCreate(input: { name: "Written after a refused change", rules: { acceptsMarketing: true } }) { userErrors { code } }
      }`,
      { id: ada.id },
      await bearer(Role.MANAGER),
    );
    expect(result).toEqual({ refused: { userErrors: [{ code: 'BLANK' }] }, other: { userErrors: [] } });
    expect(await read(ada.id)).toEqual(before);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, ['input', 'email'], 'INVALID'],
    ['a malformed phone', { phone: '12' }, ['input', 'phone'], 'INVALID'],
    ['an over-long name', { firstName: 'x'.repeat(101) }, ['input', 'firstName'], 'TOO_LONG'],
  ])('refuses %s, changing nothing', async (_name, input, field, code) => {
    const ada = await signUpCustomer(h, { firstName: 'Ada' });
    const before = await read(ada.id);
    const result = await update(ada.headers, { ...input, lastName: 'Changed' });
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await read(ada.id)).toEqual(before);
  });

  it("refuses another customer's email or phone as TAKEN, in any spelling", async () => {
    await signUpCustomer(h, { email: 'taken@example.com', phone: '+49 40 5550199' });
    const ada = await signUpCustomer(h);
    const before = await read(ada.id);
    expect((await update(ada.headers, { email: 'TAKEN@example.com' })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'email'], code: 'TAKEN' }),
    ]);
    expect((await update(ada.headers, { phone: '040 5550199' })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'phone'], code: 'TAKEN' }),
    ]);
    expect(await read(ada.id)).toEqual(before);
  });

  it('lets exactly one of several customers racing for one email have it', async () => {
    const customers = await Promise.all(Array.from({ length: 4 }, () => signUpCustomer(h)));
    const results = await Promise.all(customers.map((c) => update(c.headers, { email: 'contested@example.com' })));
    expect(results.filter((r) => r.customer)).toHaveLength(1);
    for (const r of results.filter((r) => !r.customer)) expect(r.userErrors[0].code).toBe('TAKEN');
  });

  it('may not set tags, nor change someone else', async () => {
    const ada = await signUpCustomer(h);
    const bob = await signUpCustomer(h, { firstName: 'Bob' });
    const tags = await gql(h.url, UPDATE, { input: { tags: ['vip'] } }, ada.headers);
    expect(tags.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await gql(h.url, UPDATE, { id: bob.id, input: { firstName: 'Mallory' } }, ada.headers);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await read(bob.id)).firstName).toBe('Bob');
    const kiosk = await gql(h.url, UPDATE, { id: bob.id, input: { firstName: 'Kiosk' } }, await bearer(Role.KIOSK));
    expect(kiosk.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('staff change any customer', () => {
  it('set tags: trimmed, lower-case, deduplicated', async () => {
    const ada = await signUpCustomer(h);
    const result = await update(await bearer(Role.STAFF), { tags: [' VIP ', 'vip', 'Bike  Fitting', 'b2b'] }, ada.id);
    expect(result.userErrors).toEqual([]);
    expect(result.customer.tags).toEqual(['vip', 'bike fitting', 'b2b']);
  });

  it.each([
    ['a blank tag', ['ok', ' '], ['input', 'tags', '1'], 'BLANK'],
    ['an over-long tag', ['x'.repeat(41)], ['input', 'tags', '0'], 'TOO_LONG'],
    ['more than 50 tags', Array.from({ length: 51 }, (_, i) => `tag-${i}`), ['input', 'tags'], 'TOO_MANY'],
  ])('refuse %s', async (_name, tags, field, code) => {
    const ada = await signUpCustomer(h);
    const result = await update(await bearer(Role.MANAGER), { tags }, ada.id);
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect((await read(ada.id)).tags).toEqual([]);
  });

  it('must name the customer, who must exist', async () => {
    const staff = await bearer(Role.STAFF);
    expect((await update(staff, { firstName: 'X' })).userErrors).toEqual([expect.objectContaining({ field: ['id'], code: 'BLANK' })]);
    expect((await update(staff, { firstName: 'X' }, '00000000-0000-4000-8000-000000000000')).userErrors).toEqual([
      expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' }),
    ]);
  });
});
