import { Role } from '#platform/auth';
import { gqlData } from '../../../test/support/graphql-client';
import { startSupergraph, type SupergraphHarness } from '../../../test/support/supergraph';
import { bearer } from '../../../test/support/tokens';

/** The customers subgraph inside the whole system, through the gateway as clients call it. */
let system: SupergraphHarness;
let url: string;
let customer: Record<string, string>;
beforeAll(async () => {
  system = await startSupergraph();
  url = system.gateway.url;
  const signUp = await gqlData(
    url,
    `mutation { customerCreate(input: { email: "federated@example.com", channel: APP }) { customer { id } } }`,
    {},
    await bearer(Role.STAFF),
  );
  customer = await bearer(Role.CUSTOMER, { subject: signUp.customerCreate.customer.id });
});
afterAll(() => system?.close());

it("serves one Address type: a customer's saved address has an id, a location's has none", async () => {
  await gqlData(
    url,
    `mutation { customerAddressCreate(input: { address1: "Torstraße 1", city: "Berlin", countryCode: "DE" }) { userErrors { code } } }`,
    {},
    customer,
  );
  const mine = await gqlData(url, `{ me { addresses { id city } defaultAddress { id } } }`, {}, customer);
  expect(mine.me.addresses).toEqual([{ id: expect.any(String), city: 'Berlin' }]);
  expect(mine.me.defaultAddress.id).toBe(mine.me.addresses[0].id);
  const locations = await gqlData(url, `{ locations(first: 10) { nodes { address { id city } } } }`);
  expect(locations.locations.nodes.length).toBeGreaterThan(0);
  for (const location of locations.locations.nodes) expect(location.address.id).toBeNull();
});

it("exports the customer's data with what other subgraphs hold, in one request", async () => {
  const result = await gqlData(
    url,
    `mutation { customerDataExport { export { data customer { id identities { channel } loyalty { points } storeCredit { amount } giftCards { lastCharacters } } } userErrors { code } } }`,
    {},
    customer,
  );
  const { export: exported } = result.customerDataExport;
  expect(exported.customer).toMatchObject({
    identities: [{ channel: 'APP' }],
    loyalty: { points: 0 },
    storeCredit: { amount: '0.00' },
    giftCards: [],
  });
  expect(exported.data.profile.email).toBe('federated@example.com');
});
