import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { ANONYMOUS, asService, bearer } from '../../../test/support/tokens';
import { customersRows, signUpCustomer, startCustomers, type CustomersHarness } from '../../../test/support/customers';
import { dbId } from '../../../test/support/ids';

const TRACK = `mutation($input: CustomerEventTrackInput!) {
  customerEventTrack(input: $input) { event { id type channel productId locationId data occurredAt } userErrors { field message code } } }`;
const TIMELINE = `query($id: ID!, $first: Int, $after: String) { customer(id: $id) { events(first: $first, after: $after) {
  edges { cursor node { id type channel productId data } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;

let h: CustomersHarness;
beforeAll(async () => {
  h = await startCustomers();
});
afterAll(() => h.close());

const track = async (headers: Record<string, string>, input: Record<string, unknown>) => {
  const result = await gql(h.url, TRACK, { input }, headers);
  expect(result.errors).toBeUndefined();
  return result.data!.customerEventTrack;
};
type Page = {
  edges: { cursor: string; node: { id: string; type: string; productId: string | null } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};
const timeline = async (id: string, first: number, after?: string | null): Promise<Page> =>
  (await gqlData(h.url, TIMELINE, { id, first, after })).customer.events;

describe('tracking interactions', () => {
  it('records what a customer does on any channel, newest first after the sign-up', async () => {
    const ada = await signUpCustomer(h, { channel: 'APP' });
    const viewed = await track(ada.headers, {
      type: 'PRODUCT_VIEWED',
      channel: 'APP',
      productId: 'product-1',
      data: { variant: 'M', source: 'push' },
    });
    expect(viewed.userErrors).toEqual([]);
    expect(viewed.event).toMatchObject({
      type: 'PRODUCT_VIEWED',
      channel: 'APP',
      productId: 'gid://commerce/Product/product-1',
      data: { variant: 'M', source: 'push' },
    });
    await track(ada.headers, { customerId: ada.id, type: 'CART_ABANDONED', channel: 'WEB' });
    const staff = await bearer(Role.STAFF, { locationId: '11111111-1111-4111-8111-111111111111' });
    const visit = await track(staff, { customerId: ada.id, type: 'STORE_VISIT', channel: 'POS' });
    // A staff member's own store is where the visit happened.
    expect(dbId(visit.event.locationId as string)).toBe('11111111-1111-4111-8111-111111111111');
    await track(await asService(), { customerId: ada.id, type: 'SUPPORT_CONTACT', data: { ticket: 'T-1' } });

    const page = await timeline(ada.id, 10);
    expect(page.edges.map((e) => e.node.type)).toEqual(['SUPPORT_CONTACT', 'STORE_VISIT', 'CART_ABANDONED', 'PRODUCT_VIEWED', 'SIGNED_UP']);
    expect(page.pageInfo.hasNextPage).toBe(false);
    // The customer reads their own timeline too.
    const own = await gqlData(h.url, TIMELINE, { id: ada.id, first: 1 }, ada.headers);
    expect(own.customer.events.edges[0].node.type).toBe('SUPPORT_CONTACT');
  });

  it('pages newest first by cursor, without gaps or repeats', async () => {
    const ada = await signUpCustomer(h);
    for (let i = 0; i < 7; i += 1) await track(ada.headers, { type: 'PRODUCT_VIEWED', productId: `p-${i}` });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await timeline(ada.id, 3, after);
      seen.push(...page.edges.map((e) => (e.node.productId ? dbId(e.node.productId) : e.node.type)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['p-6', 'p-5', 'p-4', 'p-3', 'p-2', 'p-1', 'p-0', 'SIGNED_UP']);
  });

  it('pages backward from a cursor with last and before, in the same newest-first order', async () => {
    const ada = await signUpCustomer(h);
    for (let i = 0; i < 4; i += 1) await track(ada.headers, { type: 'PRODUCT_VIEWED', productId: `p-${i}` });
    const all = await timeline(ada.id, 10);
    expect(all.edges).toHaveLength(5);
    const back = await gqlData(
      h.url,
      `query($id: ID!, $before: String) { customer(id: $id) { events(last: 2, before: $before) {
        nodes { id } pageInfo { hasNextPage hasPreviousPage } } } }`,
      { id: ada.id, before: all.edges[3].cursor },
    );
    expect(back.customer.events.nodes).toEqual(all.edges.slice(1, 3).map((e) => ({ id: e.node.id })));
    expect(back.customer.events.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
  });

  it('refuses a cursor of another list and a page larger than 250', async () => {
    const ada = await signUpCustomer(h);
    const forged = Buffer.from(JSON.stringify(['not-a-date', '1'])).toString('base64url');
    expect((await gql(h.url, TIMELINE, { id: ada.id, first: 1, after: forged })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(h.url, TIMELINE, { id: ada.id, first: 251 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('refusals write nothing', () => {
  it.each([
    ['an event type the system records', { type: 'SIGNED_UP' }, ['input', 'type'], 'NOT_ALLOWED'],
    ['data over 4 KB', { type: 'PRODUCT_VIEWED', data: { blob: 'x'.repeat(4100) } }, ['input', 'data'], 'TOO_LONG'],
    ['an over-long product id', { type: 'PRODUCT_VIEWED', productId: 'p'.repeat(101) }, ['input', 'productId'], 'TOO_LONG'],
  ])('refuses %s', async (_name, input, field, code) => {
    const ada = await signUpCustomer(h);
    const before = await customersRows(h, 'customer_event');
    const result = await track(ada.headers, input);
    expect(result.event).toBeNull();
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await customersRows(h, 'customer_event')).toBe(before);
  });

  it('counts data in bytes: 4 KB of multi-byte characters is too much', async () => {
    const ada = await signUpCustomer(h);
    const result = await track(ada.headers, { type: 'SUPPORT_CONTACT', data: { note: 'ü'.repeat(2100) } });
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'TOO_LONG', message: expect.stringMatching(/at most 4096/) })]);
  });

  it('refuses a customer tracking for another, and kiosks and anonymous callers altogether', async () => {
    const ada = await signUpCustomer(h);
    const bob = await signUpCustomer(h);
    const before = await customersRows(h, 'customer_event');
    const other = await gql(h.url, TRACK, { input: { customerId: bob.id, type: 'PRODUCT_VIEWED' } }, ada.headers);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const kiosk = await gql(h.url, TRACK, { input: { customerId: bob.id, type: 'STORE_VISIT' } }, await bearer(Role.KIOSK));
    expect(kiosk.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(h.url, TRACK, { input: { customerId: bob.id, type: 'PRODUCT_VIEWED' } }, ANONYMOUS);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await customersRows(h, 'customer_event')).toBe(before);
  });

  it('answers staff naming nobody, or an unknown customer, with a user error', async () => {
    const staff = await bearer(Role.STAFF);
    expect((await track(staff, { type: 'STORE_VISIT' })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'customerId'], code: 'BLANK' }),
    ]);
    expect((await track(staff, { type: 'STORE_VISIT', customerId: '00000000-0000-4000-8000-000000000000' })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'customerId'], code: 'NOT_FOUND' }),
    ]);
  });
});
