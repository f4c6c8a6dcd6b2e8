import { Role } from '#platform/auth';
import { gql, gqlData } from '../../../test/support/graphql-client';
import { ANONYMOUS, asService, bearer } from '../../../test/support/tokens';
import { countStatements } from '../../../test/support/products';
import { customersRows, signUpCustomer, startCustomers, type CustomersHarness } from '../../../test/support/customers';
import { dbId } from '../../../test/support/ids';

const CREATE = `mutation($input: SegmentCreateInput!) { segmentCreate(input: $input) {
  segment { id name description rules { tagsAny tagsAll acceptsMarketing channelsAny channelsAll signedUpAfter signedUpBefore activeSince } }
  userErrors { field message code } } }`;
const UPDATE = `mutation($id: ID!, $input: SegmentUpdateInput!) { segmentUpdate(id: $id, input: $input) { segment { id name rules { tagsAny } } userErrors { field message code } } }`;
const DELETE = `mutation($id: ID!) { segmentDelete(id: $id) { deletedSegmentId userErrors { field message code } } }`;
const MEMBERS = `query($segmentId: ID, $query: String, $first: Int, $after: String) { customers(segmentId: $segmentId, query: $query, first: $first, after: $after) {
  nodes { id } pageInfo { hasNextPage endCursor } } }`;
const SEGMENTS_OF = `query($id: ID!) { customer(id: $id) { segments { id name } } }`;
const SET_TAGS = `mutation($id: ID, $input: CustomerUpdateInput!) { customerUpdate(id: $id, input: $input) { userErrors { code } } }`;
const LINK = `mutation($customerId: ID!, $channel: SalesChannel!, $externalId: String!) { customerIdentityLink(customerId: $customerId, channel: $channel, externalId: $externalId) { userErrors { code } } }`;
const TRACK = `mutation($input: CustomerEventTrackInput!) { customerEventTrack(input: $input) { userErrors { code } } }`;

let h: CustomersHarness;
let manager: Record<string, string>;
beforeAll(async () => {
  h = await startCustomers();
  manager = await bearer(Role.MANAGER);
});
afterAll(() => h.close());

let tagCounter = 0;
/** A tag of this test's own, so segments over it see only this test's customers. */
const freshTag = () => `t${++tagCounter}`;

async function createSegment(input: Record<string, unknown>) {
  const result = await gqlData(h.url, CREATE, { input: { name: `Segment ${++tagCounter}`, ...input } }, manager);
  return result.segmentCreate;
}
const customerWith = async (input: Record<string, unknown> = {}, tags: string[] = []) => {
  const customer = await signUpCustomer(h, input);
  if (tags.length) expect((await gqlData(h.url, SET_TAGS, { id: customer.id, input: { tags } })).customerUpdate.userErrors).toEqual([]);
  return customer;
};
const membersOf = async (segmentId: string) =>
  ((await gqlData(h.url, MEMBERS, { segmentId, first: 250 })).customers.nodes as { id: string }[]).map((n) => n.id).sort();
const segmentsOf = async (id: string) =>
  ((await gqlData(h.url, SEGMENTS_OF, { id })).customer.segments as { id: string }[]).map((s) => s.id).sort();
const sorted = (...ids: string[]) => [...ids].sort();

describe('rules', () => {
  it('matches any or all tags, normalised as on customers', async () => {
    const [red, blue] = [freshTag(), freshTag()];
    const both = await customerWith({}, [red, blue]);
    const onlyRed = await customerWith({}, [red.toUpperCase()]);
    await customerWith({}, []);
    const any = await createSegment({ rules: { tagsAny: [` ${red.toUpperCase()} `, blue] } });
    expect(any.userErrors).toEqual([]);
    expect(any.segment.rules.tagsAny).toEqual([red, blue]);
    const all = (await createSegment({ rules: { tagsAll: [red, blue] } })).segment;
    expect(await membersOf(any.segment.id)).toEqual(sorted(both.id, onlyRed.id));
    expect(await membersOf(all.id)).toEqual([both.id]);
    expect(await segmentsOf(both.id)).toEqual(sorted(any.segment.id, all.id));
    expect(await segmentsOf(onlyRed.id)).toEqual([any.segment.id]);
  });

  it('combines rules with AND: consent, channels any and all, sign-up window, recent activity', async () => {
    const tag = freshTag();
    const early = await customerWith({ acceptsMarketing: true, channel: 'POS' }, [tag]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cut = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const late = await customerWith({ acceptsMarketing: true }, [tag]);
    const lateNoConsent = await customerWith({ acceptsMarketing: false }, [tag]);
    expect(
      (await gqlData(h.url, LINK, { customerId: late.id, channel: 'MARKETPLACE', externalId: `${tag}-buyer` })).customerIdentityLink
        .userErrors,
    ).toEqual([]);

    const consenting = (await createSegment({ rules: { tagsAny: [tag], acceptsMarketing: true } })).segment;
    const notConsenting = (await createSegment({ rules: { tagsAny: [tag], acceptsMarketing: false } })).segment;
    const webOrPos = (await createSegment({ rules: { tagsAny: [tag], channelsAny: ['POS', 'MARKETPLACE'] } })).segment;
    const webAndMarketplace = (await createSegment({ rules: { tagsAny: [tag], channelsAll: ['WEB', 'MARKETPLACE'] } })).segment;
    const after = (await createSegment({ rules: { tagsAny: [tag], signedUpAfter: cut.toISOString() } })).segment;
    const before = (await createSegment({ rules: { tagsAny: [tag], signedUpBefore: cut.toISOString() } })).segment;
    const active = (await createSegment({ rules: { tagsAny: [tag], activeSince: new Date().toISOString() } })).segment;

    expect(await membersOf(consenting.id)).toEqual(sorted(early.id, late.id));
    expect(await membersOf(notConsenting.id)).toEqual([lateNoConsent.id]);
    expect(await membersOf(webOrPos.id)).toEqual(sorted(early.id, late.id));
    expect(await membersOf(webAndMarketplace.id)).toEqual([late.id]);
    expect(await membersOf(after.id)).toEqual(sorted(late.id, lateNoConsent.id));
    expect(await membersOf(before.id)).toEqual([early.id]);
    expect(await membersOf(active.id)).toEqual([]);
    expect((await gqlData(h.url, TRACK, { input: { customerId: early.id, type: 'STORE_VISIT' } })).customerEventTrack.userErrors).toEqual(
      [],
    );
    expect(await membersOf(active.id)).toEqual([early.id]);
  });

  it('is evaluated on read: changing a customer or the rules changes membership at once', async () => {
    const [a, b] = [freshTag(), freshTag()];
    const customer = await customerWith({}, [a]);
    const segment = (await createSegment({ rules: { tagsAny: [a] } })).segment;
    expect(await segmentsOf(customer.id)).toEqual([segment.id]);
    await gqlData(h.url, SET_TAGS, { id: customer.id, input: { tags: [b] } });
    expect(await segmentsOf(customer.id)).toEqual([]);
    const updated = await gqlData(h.url, UPDATE, { id: segment.id, input: { rules: { tagsAny: [b] } } }, manager);
    expect(updated.segmentUpdate).toEqual({ segment: { id: segment.id, name: segment.name, rules: { tagsAny: [b] } }, userErrors: [] });
    expect(await segmentsOf(customer.id)).toEqual([segment.id]);
    expect((await gqlData(h.url, DELETE, { id: segment.id }, manager)).segmentDelete).toEqual({
      deletedSegmentId: segment.id,
      userErrors: [],
    });
    expect(await segmentsOf(customer.id)).toEqual([]);
  });
});

describe('bad segments write nothing', () => {
  it.each([
    ['no rules at all', { rules: {} }, ['input', 'rules'], 'BLANK'],
    ['only null rules', { rules: { tagsAny: null, acceptsMarketing: null } }, ['input', 'rules'], 'BLANK'],
    ['an empty list', { rules: { tagsAny: [] } }, ['input', 'rules', 'tagsAny'], 'BLANK'],
    ['a blank tag', { rules: { tagsAll: ['vip', ' '] } }, ['input', 'rules', 'tagsAll', '1'], 'BLANK'],
    [
      'more than 50 tags',
      { rules: { tagsAny: Array.from({ length: 51 }, (_, i) => `t-${i}`) } },
      ['input', 'rules', 'tagsAny'],
      'TOO_MANY',
    ],
    [
      'dates out of order',
      { rules: { signedUpAfter: '2026-06-01T00:00:00Z', signedUpBefore: '2026-01-01T00:00:00Z' } },
      ['input', 'rules', 'signedUpBefore'],
      'INVALID',
    ],
    ['a blank name', { name: '  ', rules: { acceptsMarketing: true } }, ['input', 'name'], 'BLANK'],
  ])('refuses %s', async (_name, input, field, code) => {
    const before = await customersRows(h, 'segment');
    const result = await createSegment(input);
    expect(result.segment).toBeNull();
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await customersRows(h, 'segment')).toBe(before);
  });

  it('refuses unknown rules before anything runs', async () => {
    const result = await gql(h.url, CREATE, { input: { name: 'Unknown', rules: { lifetimeSpendOver: 100 } } }, manager);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a name in use, also on update, and unknown segments', async () => {
    const first = (await createSegment({ name: 'Regulars', rules: { acceptsMarketing: true } })).segment;
    const second = (await createSegment({ name: 'Occasionals', rules: { acceptsMarketing: false } })).segment;
    expect((await createSegment({ name: 'Regulars', rules: { acceptsMarketing: true } })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'name'], code: 'TAKEN' }),
    ]);
    const renamed = await gqlData(h.url, UPDATE, { id: second.id, input: { name: 'Regulars' } }, manager);
    expect(renamed.segmentUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'TAKEN' })]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await gqlData(h.url, UPDATE, { id: unknown, input: { name: 'X' } }, manager)).segmentUpdate.userErrors[0].code).toBe(
      'NOT_FOUND',
    );
    expect((await gqlData(h.url, DELETE, { id: 'not-an-id' }, manager)).segmentDelete.userErrors[0].code).toBe('NOT_FOUND');
    expect(first.name).toBe('Regulars');
  });
});

describe('customers(query, segmentId)', () => {
  it('finds customers by words of their name, email or phone, and by a phone in any format', async () => {
    const tag = freshTag();
    const ada = await customerWith({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: `ada.${tag}@analytical.example`,
      phone: '+49 30 5557001',
    });
    await customerWith({ firstName: 'Adam', lastName: 'Smith', email: `adam.${tag}@example.com` });
    const ids = async (query: string) =>
      ((await gqlData(h.url, MEMBERS, { query, first: 50 })).customers.nodes as { id: string }[]).map((n) => n.id);
    expect(await ids('ada lovelace')).toEqual([ada.id]);
    expect(await ids(`analytical ${tag}`)).toEqual([ada.id]);
    expect(await ids('030 5557001')).toEqual([ada.id]);
    expect(await ids(`${tag}`)).toHaveLength(2);
    expect(await ids('100%')).toEqual([]);
  });

  it('pages a segment newest first, and combines it with a query', async () => {
    const tag = freshTag();
    const created = [];
    for (let i = 0; i < 5; i += 1) created.push(await customerWith({ firstName: i % 2 ? 'Odd' : 'Even' }, [tag]));
    const segment = (await createSegment({ rules: { tagsAny: [tag] } })).segment;
    const first = (await gqlData(h.url, MEMBERS, { segmentId: segment.id, first: 3 })).customers;
    const second = (await gqlData(h.url, MEMBERS, { segmentId: segment.id, first: 3, after: first.pageInfo.endCursor })).customers;
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.nodes, ...second.nodes].map((n: { id: string }) => n.id)).toEqual(created.map((c) => c.id).reverse());
    const odd = (await gqlData(h.url, MEMBERS, { segmentId: segment.id, query: 'odd', first: 10 })).customers.nodes;
    expect(odd.map((n: { id: string }) => n.id)).toEqual([created[3].id, created[1].id]);
  });

  it('answers an unknown segment with BAD_USER_INPUT', async () => {
    const result = await gql(h.url, MEMBERS, { segmentId: '00000000-0000-4000-8000-000000000000' });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('statements do not grow with the list', () => {
  const LIST = `query($segmentId: ID, $first: Int) { customers(segmentId: $segmentId, first: $first) { nodes {
    id displayName segments { id name } addresses { id city } defaultAddress { id } identities { channel }
    events(first: 2) { nodes { type } pageInfo { hasNextPage } } } } }`;

  it('reads 3 or 30 customers with every related field in the same number of statements, segments evaluated in one', async () => {
    const tag = freshTag();
    for (let i = 0; i < 30; i += 1) {
      const customer = await customerWith({ acceptsMarketing: i % 2 === 0 }, [tag]);
      await gqlData(
        h.url,
        `mutation($id: ID) { customerAddressCreate(customerId: $id, input: { address1: "Street ${i}", city: "Kiel", countryCode: "DE" }) { userErrors { code } } }`,
        { id: customer.id },
      );
    }
    const segment = (await createSegment({ rules: { tagsAny: [tag] } })).segment;
    await createSegment({ rules: { tagsAny: [tag], acceptsMarketing: true } });
    const run = async (first: number) => {
      let data: { customers: { nodes: { segments: unknown[]; addresses: unknown[] }[] } } | null = null;
      const statements = await countStatements(h.server, async () => {
        data = await gqlData(h.url, LIST, { segmentId: segment.id, first });
      });
      return { statements, nodes: data!.customers.nodes };
    };
    const small = await run(3);
    const large = await run(30);
    expect(small.nodes).toHaveLength(3);
    expect(large.nodes).toHaveLength(30);
    expect(large.nodes.every((n) => n.segments.length >= 1 && n.addresses.length === 1)).toBe(true);
    expect(large.statements).toBe(small.statements);
    // The segment, the page, every segment, membership, addresses, identities, timelines.
    expect(small.statements).toBe(7);
  });
});

describe('who may see and manage segments', () => {
  it('lists segments for staff only and manages them for managers only', async () => {
    const ada = await signUpCustomer(h);
    expect((await gql(h.url, '{ segments { id } }', {}, await bearer(Role.STAFF))).errors).toBeUndefined();
    expect((await gql(h.url, '{ segments { id } }', {}, ada.headers)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(h.url, '{ segments { id } }', {}, ANONYMOUS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const before = await customersRows(h, 'segment');
    const byStaff = await gql(h.url, CREATE, { input: { name: 'By staff', rules: { acceptsMarketing: true } } }, await bearer(Role.STAFF));
    expect(byStaff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await customersRows(h, 'segment')).toBe(before);
  });

  it("keeps a customer's segments from the customer, but gives them to services through _entities", async () => {
    const tag = freshTag();
    const ada = await customerWith({}, [tag]);
    const segment = (await createSegment({ rules: { tagsAny: [tag] } })).segment;
    const own = await gql(h.url, SEGMENTS_OF, { id: ada.id }, ada.headers);
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id segments { id } } ... on Segment { id name } } }`;
    const viaService = await gqlData(
      h.url,
      ENTITIES,
      {
        r: [
          { __typename: 'Customer', id: ada.id },
          { __typename: 'Segment', id: segment.id },
          { __typename: 'Segment', id: '00000000-0000-4000-8000-000000000000' },
        ],
      },
      await asService(),
    );
    const [customer, ...segments] = viaService._entities;
    // A service is answered database ids.
    expect(customer.id).toBe(dbId(ada.id));
    expect(customer.segments).toContainEqual({ id: dbId(segment.id) });
    expect(segments).toEqual([{ id: dbId(segment.id), name: segment.name }, null]);

    const segmentByCustomer = await gql(h.url, ENTITIES, { r: [{ __typename: 'Segment', id: segment.id }] }, ada.headers);
    expect(segmentByCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const segmentByAnonymous = await gql(h.url, ENTITIES, { r: [{ __typename: 'Segment', id: segment.id }] }, ANONYMOUS);
    expect(segmentByAnonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the cap on segments', () => {
  it('refuses the 101st segment, also when created concurrently', async () => {
    const capped = (i: number) => createSegment({ name: `Capped ${i}`, rules: { tagsAny: [`cap-${i}`] } });
    // Filled to six below the cap a few at a time, then ten race for the last six places: the
    // race is what the lock decides, and a burst of a hundred would only queue for connections.
    const existing = await customersRows(h, 'segment');
    for (let i = 0; i < 100 - existing - 6; i += 5) {
      await Promise.all(Array.from({ length: Math.min(5, 100 - existing - 6 - i) }, (_, j) => capped(i + j)));
    }
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => capped(1000 + i)));
    expect(results.filter((r) => r.segment)).toHaveLength(6);
    const refused = results.filter((r) => !r.segment);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r.userErrors).toEqual([expect.objectContaining({ code: 'TOO_MANY' })]);
    expect(await customersRows(h, 'segment')).toBe(100);
  });
});
