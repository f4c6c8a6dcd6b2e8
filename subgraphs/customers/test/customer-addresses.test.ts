import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { bearer } from '../../../test/support/tokens';
import { customersRows, signUpCustomer, startCustomers, type CustomersHarness } from '../../../test/support/customers';

const ADDRESS_FIELDS = 'id address1 address2 city province postalCode countryCode phone';
const CREATE = `mutation($customerId: ID, $input: AddressInput!, $setAsDefault: Boolean) {
  customerAddressCreate(customerId: $customerId, input: $input, setAsDefault: $setAsDefault) {
    address { ${ADDRESS_FIELDS} } customer { id defaultAddress { id } } userErrors { field message code } } }`;
const UPDATE = `mutation($id: ID!, $input: AddressInput!, $setAsDefault: Boolean) {
  customerAddressUpdate(id: $id, input: $input, setAsDefault: $setAsDefault) {
    address { ${ADDRESS_FIELDS} } customer { defaultAddress { id } } userErrors { field message code } } }`;
const DELETE = `mutation($id: ID!) { customerAddressDelete(id: $id) { deletedAddressId customer { defaultAddress { id } addresses { id } } userErrors { field message code } } }`;
const ADDRESSES = `query($id: ID!) { customer(id: $id) { addresses { ${ADDRESS_FIELDS} } defaultAddress { id city } } }`;

const home = { address1: ' Torstraße 1 ', city: 'Berlin', postalCode: '10119', countryCode: 'DE', address2: '  ' };
const work = { address1: 'Am Sandtorkai 5', city: 'Hamburg', countryCode: 'DE' };

let h: CustomersHarness;
beforeAll(async () => {
  h = await startCustomers();
});
afterAll(() => h.close());

async function create(headers: Record<string, string>, input: object, extra: Record<string, unknown> = {}) {
  const result = await gql(h.url, CREATE, { input, ...extra }, headers);
  expect(result.errors).toBeUndefined();
  return result.data!.customerAddressCreate;
}

describe('a customer manages their own addresses', () => {
  it('saves addresses for themselves, the first becoming the default, and trims what they typed', async () => {
    const ada = await signUpCustomer(h);
    const first = await create(ada.headers, home);
    expect(first.userErrors).toEqual([]);
    expect(first.address).toMatchObject({
      address1: 'Torstraße 1',
      address2: null,
      city: 'Berlin',
      postalCode: '10119',
      countryCode: 'DE',
    });
    expect(first.customer).toEqual({ id: ada.id, defaultAddress: { id: first.address.id } });

    const second = await create(ada.headers, work);
    expect(second.customer.defaultAddress.id).toBe(first.address.id);
    const third = await create(ada.headers, { ...work, address1: 'Jungfernstieg 1' }, { setAsDefault: true });
    expect(third.customer.defaultAddress.id).toBe(third.address.id);

    const read = await gqlData(h.url, ADDRESSES, { id: ada.id }, ada.headers);
    expect(read.customer.addresses.map((a: { id: string }) => a.id)).toEqual([first.address.id, second.address.id, third.address.id]);
    expect(read.customer.defaultAddress).toEqual({ id: third.address.id, city: 'Hamburg' });
  });

  it('updates an address and can make it the default', async () => {
    const ada = await signUpCustomer(h);
    const a = (await create(ada.headers, home)).address;
    const b = (await create(ada.headers, work)).address;
    const updated = (await gql(h.url, UPDATE, { id: b.id, input: { ...work, address2: 'Floor 3' }, setAsDefault: true }, ada.headers)).data!
      .customerAddressUpdate;
    expect(updated.userErrors).toEqual([]);
    expect(updated.address).toMatchObject({ id: b.id, address2: 'Floor 3' });
    expect(updated.customer.defaultAddress.id).toBe(b.id);
    // Updating without setAsDefault leaves the default where it is.
    const again = (await gql(h.url, UPDATE, { id: a.id, input: home }, ada.headers)).data!.customerAddressUpdate;
    expect(again.customer.defaultAddress.id).toBe(b.id);
  });

  it('passes the default to the most recently saved other address when the default is deleted, and to none after the last', async () => {
    const ada = await signUpCustomer(h);
    const a = (await create(ada.headers, home)).address;
    const b = (await create(ada.headers, work)).address;
    const c = (await create(ada.headers, { ...work, city: 'Kiel' })).address;
    const deletedDefault = (await gql(h.url, DELETE, { id: a.id }, ada.headers)).data!.customerAddressDelete;
    expect(deletedDefault.userErrors).toEqual([]);
    expect(deletedDefault.deletedAddressId).toBe(a.id);
    expect(deletedDefault.customer.defaultAddress.id).toBe(c.id);
    const deletedOther = (await gql(h.url, DELETE, { id: b.id }, ada.headers)).data!.customerAddressDelete;
    expect(deletedOther.customer.defaultAddress.id).toBe(c.id);
    const deletedLast = (await gql(h.url, DELETE, { id: c.id }, ada.headers)).data!.customerAddressDelete;
    expect(deletedLast.customer).toEqual({ defaultAddress: null, addresses: [] });
  });

  it("lets staff manage anyone's addresses by customer id", async () => {
    const ada = await signUpCustomer(h);
    const staff = await bearer(Role.STAFF);
    const created = await create(staff, work, { customerId: ada.id });
    expect(created.userErrors).toEqual([]);
    expect(created.customer.id).toBe(ada.id);
    const deleted = (await gql(h.url, DELETE, { id: created.address.id }, staff)).data!.customerAddressDelete;
    expect(deleted.userErrors).toEqual([]);
  });
});

describe('refusals write nothing', () => {
  it("refuses a customer saving, changing or deleting another customer's addresses", async () => {
    const ada = await signUpCustomer(h);
    const bob = await signUpCustomer(h);
    const bobs = (await create(bob.headers, home)).address;
    const before = await customersRows(h, 'customer_address');
    for (const [query, variables] of [
      [CREATE, { customerId: bob.id, input: work }],
      [UPDATE, { id: bobs.id, input: work }],
      [DELETE, { id: bobs.id }],
    ] as const) {
      const result = await gql(h.url, query, variables, ada.headers);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await customersRows(h, 'customer_address')).toBe(before);
    expect((await gqlData(h.url, ADDRESSES, { id: bob.id }, bob.headers)).customer.addresses).toEqual([
      expect.objectContaining({ id: bobs.id, city: 'Berlin' }),
    ]);
  });

  it('refuses kiosks and anonymous callers', async () => {
    const ada = await signUpCustomer(h);
    const kiosk = await gql(h.url, CREATE, { customerId: ada.id, input: home }, await bearer(Role.KIOSK));
    expect(kiosk.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(h.url, CREATE, { customerId: ada.id, input: home }, { authorization: '' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a blank street', { ...home, address1: '  ' }, ['input', 'address1'], 'BLANK'],
    ['a country that is not ISO alpha-2', { ...home, countryCode: 'Germany' }, ['input', 'countryCode'], 'INVALID'],
    ['an over-long postal code', { ...home, postalCode: '1'.repeat(33) }, ['input', 'postalCode'], 'TOO_LONG'],
  ])('refuses %s', async (_name, input, field, code) => {
    const ada = await signUpCustomer(h);
    const before = await customersRows(h, 'customer_address');
    const result = await create(ada.headers, input);
    expect(result.address).toBeNull();
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await customersRows(h, 'customer_address')).toBe(before);
  });

  it('answers unknown ids with NOT_FOUND, and staff without a customer id with BLANK', async () => {
    const staff = await bearer(Role.STAFF);
    const unknown = await gqlData(h.url, DELETE, { id: '00000000-0000-4000-8000-000000000000' }, staff);
    expect(unknown.customerAddressDelete.userErrors).toEqual([expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' })]);
    const noCustomer = await create(staff, home);
    expect(noCustomer.userErrors).toEqual([expect.objectContaining({ field: ['customerId'], code: 'BLANK' })]);
  });

  it('caps a customer at 50 addresses, also when saved concurrently', async () => {
    const ada = await signUpCustomer(h);
    const save = (i: number) => create(ada.headers, { ...work, address1: `Street ${i}` });
    // 44 saved a few at a time, then twelve race for the last six places under the row lock (a
    // burst of 56 would mostly measure the wait for a pooled connection, capped at 2 s).
    for (let i = 0; i < 44; i += 4) {
      for (const saved of await Promise.all([0, 1, 2, 3].map((j) => save(i + j)))) expect(saved.userErrors).toEqual([]);
    }
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => save(100 + i)));
    const refused = results.filter((r) => r.address === null);
    expect(results.filter((r) => r.address)).toHaveLength(6);
    expect(refused).toHaveLength(6);
    for (const r of refused)
      expect(r.userErrors).toEqual([expect.objectContaining({ code: 'TOO_MANY', message: expect.stringContaining('at most 50') })]);
    expect((await gqlData(h.url, ADDRESSES, { id: ada.id }, ada.headers)).customer.addresses).toHaveLength(50);
  });
});
