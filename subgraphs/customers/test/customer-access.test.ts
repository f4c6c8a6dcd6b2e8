import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { ANONYMOUS, asService, bearer } from '../../../test/support/tokens';
import { customersRows, signUpCustomer, startCustomers, type CustomersHarness } from '../../../test/support/customers';
import { dbId } from '../../../test/support/ids';

/**
 * Who may see which customer: a customer only themselves, staff and services anyone, kiosks and
 * anonymous callers nobody, by every way in (by id, in lists, in exports, through federation).
 */
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id email } }`;
const CUSTOMERS = `{ customers(first: 5) { nodes { id } } }`;
const EXPORT = `mutation($id: ID) { customerDataExport(id: $id) { export { customer { id } } userErrors { code } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }`;
const STAFF_CREATE = `mutation($input: StaffCreateInput!) { staffCreate(input: $input) { staffMember { id role } userErrors { field code } } }`;

let h: CustomersHarness;
let ada: { id: string; headers: Record<string, string> };
let bob: { id: string; headers: Record<string, string> };
beforeAll(async () => {
  h = await startCustomers();
  ada = await signUpCustomer(h, { firstName: 'Ada' });
  bob = await signUpCustomer(h, { firstName: 'Bob' });
});
afterAll(() => h.close());

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;
const entity = (id: string) => ({ r: [{ __typename: 'Customer', id }] });

describe('a customer sees only themselves', () => {
  it('reads themselves by id and through _entities', async () => {
    expect((await gqlData(h.url, CUSTOMER, { id: ada.id }, ada.headers)).customer.id).toBe(ada.id);
    expect((await gqlData(h.url, ENTITIES, entity(ada.id), ada.headers))._entities).toEqual([{ id: ada.id, email: expect.any(String) }]);
    expect((await gqlData(h.url, EXPORT, {}, ada.headers)).customerDataExport.export.customer.id).toBe(ada.id);
  });

  it.each([
    ['customer(id)', CUSTOMER, () => ({ id: bob.id })],
    ['customer(id) of an unknown id, which must look the same', CUSTOMER, () => ({ id: randomUUID() })],
    ['customers', CUSTOMERS, () => ({})],
    ['customerDataExport', EXPORT, () => ({ id: bob.id })],
    ['_entities', ENTITIES, () => entity(bob.id)],
  ])("is refused another customer's data through %s: FORBIDDEN", async (_name, query, variables) => {
    const result = await gql(h.url, query, variables(), ada.headers);
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result.data ?? {})).not.toContain(bob.id);
  });
});

describe('kiosks and anonymous callers see no customer', () => {
  it.each([
    ['customer(id)', CUSTOMER, () => ({ id: ada.id })],
    ['customers', CUSTOMERS, () => ({})],
    ['customerDataExport', EXPORT, () => ({ id: ada.id })],
    ['_entities', ENTITIES, () => entity(ada.id)],
  ])('%s', async (_name, query, variables) => {
    expect(codeOf(await gql(h.url, query, variables(), await bearer(Role.KIOSK)))).toBe('FORBIDDEN');
    expect(codeOf(await gql(h.url, query, variables(), ANONYMOUS))).toBe('UNAUTHENTICATED');
  });
});

describe('staff and services see any customer', () => {
  it.each([
    ['staff', () => bearer(Role.STAFF)],
    ['a service', () => asService()],
  ])('%s: by id, in lists and through _entities', async (_name, headers) => {
    const caller = await headers();
    expect(dbId((await gqlData(h.url, CUSTOMER, { id: bob.id }, caller)).customer.id)).toBe(dbId(bob.id));
    expect((await gqlData(h.url, CUSTOMERS, {}, caller)).customers.nodes.map((n: { id: string }) => dbId(n.id))).toEqual(
      expect.arrayContaining([dbId(ada.id), dbId(bob.id)]),
    );
    const entities = await gqlData(
      h.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }`,
      {
        r: [
          { __typename: 'Customer', id: ada.id },
          { __typename: 'Customer', id: bob.id },
          { __typename: 'Customer', id: randomUUID() },
        ],
      },
      caller,
    );
    expect(entities._entities.map((e: { id: string } | null) => e && dbId(e.id))).toEqual([dbId(ada.id), dbId(bob.id), null]);
  });
});

describe('staff accounts and kiosk tokens', () => {
  const input = (role: string, email: string) => ({ input: { name: 'New Person', email, password: 'till-shift-2026', role } });

  it('lets a manager add staff and managers, but only an admin add an admin', async () => {
    const manager = await bearer(Role.MANAGER);
    expect((await gqlData(h.url, STAFF_CREATE, input('STAFF', 'seller@velocity.example'), manager)).staffCreate.staffMember.role).toBe(
      'STAFF',
    );
    expect((await gqlData(h.url, STAFF_CREATE, input('MANAGER', 'lead@velocity.example'), manager)).staffCreate.staffMember.role).toBe(
      'MANAGER',
    );
    const before = await customersRows(h, 'staff_member');
    for (const caller of [manager, await asService()]) {
      expect(codeOf(await gql(h.url, STAFF_CREATE, input('ADMIN', 'boss@velocity.example'), caller))).toBe('FORBIDDEN');
    }
    expect(await customersRows(h, 'staff_member')).toBe(before);
    expect(
      (await gqlData(h.url, STAFF_CREATE, input('ADMIN', 'boss@velocity.example'), await bearer(Role.ADMIN))).staffCreate.staffMember.role,
    ).toBe('ADMIN');
  });

  it.each([
    ['staff', () => bearer(Role.STAFF), 'FORBIDDEN'],
    ['a customer', async () => ada.headers, 'FORBIDDEN'],
    ['a kiosk', () => bearer(Role.KIOSK), 'FORBIDDEN'],
    ['an anonymous caller', async () => ANONYMOUS, 'UNAUTHENTICATED'],
  ])('refuses %s both', async (_name, headers, code) => {
    const caller = await headers();
    expect(codeOf(await gql(h.url, STAFF_CREATE, input('STAFF', 'nobody@velocity.example'), caller))).toBe(code);
    expect(
      codeOf(await gql(h.url, `mutation { kioskTokenCreate(locationId: "${randomUUID()}") { userErrors { code } } }`, {}, caller)),
    ).toBe(code);
  });
});
