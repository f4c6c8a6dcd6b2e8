import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '#platform/auth';
import { gql } from '../../../test/support/graphql-client';
import { verifyTestToken } from '../../../test/support/tokens';
import { customersRows, startCustomers, type CustomersHarness } from '../../../test/support/customers';

/**
 * Staff stores and kiosks name a location inventory owns: it is asked before anything is
 * written, with this subgraph's own service credentials, and when it cannot answer nothing is
 * written. Inventory here is a stand-in that knows one location and records what it was sent.
 */
const STAFF_CREATE = `mutation($input: StaffCreateInput!) {
  staffCreate(input: $input) { staffMember { id } userErrors { field code } } }`;
const KIOSK = `mutation($locationId: ID!) { kioskTokenCreate(locationId: $locationId) { accessToken { token } userErrors { field code } } }`;

const knownLocation = randomUUID();
const received: { authorization?: string; query: string; variables: { representations?: unknown; r?: unknown } }[] = [];
let inventory: Server;
let h: CustomersHarness;
let down: CustomersHarness;

beforeAll(async () => {
  inventory = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request = JSON.parse(body) as (typeof received)[number];
      received.push({ ...request, authorization: req.headers.authorization });
      const keys = (request.variables.r ?? []) as { id: string }[];
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { _entities: keys.map((key) => (key.id === knownLocation ? { id: key.id } : null)) } }));
    });
  });
  await new Promise<void>((resolve) => inventory.listen(0, '127.0.0.1', resolve));
  h = await startCustomers({ inventoryUrl: `http://127.0.0.1:${(inventory.address() as AddressInfo).port}/graphql` });
  // Nothing listens on port 9: an inventory that cannot be reached.
  down = await startCustomers();
});
afterAll(async () => {
  await h?.close();
  await down?.close();
  await new Promise((resolve) => inventory.close(resolve));
});

const staffInput = (locationId: string | null) => ({
  name: 'Sam Store',
  email: `sam-${randomUUID()}@velocity.example`,
  password: 'till-shift-2026',
  role: 'STAFF',
  locationId,
});

it('creates a staff member at a location inventory knows, asking it as a service', async () => {
  received.length = 0;
  const result = await gql(h.url, STAFF_CREATE, { input: staffInput(knownLocation) });
  expect(result.data?.staffCreate.userErrors).toEqual([]);
  expect(result.data?.staffCreate.staffMember.id).toEqual(expect.any(String));
  expect(received).toHaveLength(1);
  expect(received[0].query).toContain('... on Location');
  expect(await verifyTestToken(received[0].authorization ?? '')).toMatchObject({ role: Role.SERVICE, subject: 'service:customers' });
});

it('refuses an unknown location with NOT_FOUND and writes nothing', async () => {
  const before = await customersRows(h, 'staff_member');
  const result = await gql(h.url, STAFF_CREATE, { input: staffInput(randomUUID()) });
  expect(result.data?.staffCreate).toEqual({ staffMember: null, userErrors: [{ field: ['input', 'locationId'], code: 'NOT_FOUND' }] });
  const kiosk = await gql(h.url, KIOSK, { locationId: randomUUID() });
  expect(kiosk.data?.kioskTokenCreate).toEqual({ accessToken: null, userErrors: [{ field: ['locationId'], code: 'NOT_FOUND' }] });
  expect(await customersRows(h, 'staff_member')).toBe(before);
});

it('asks nothing of inventory for a staff member without a store', async () => {
  received.length = 0;
  const result = await gql(down.url, STAFF_CREATE, { input: staffInput(null) });
  expect(result.data?.staffCreate.userErrors).toEqual([]);
  expect(received).toEqual([]);
});

it('answers SUBGRAPH_UNAVAILABLE when inventory cannot be reached, and writes nothing', async () => {
  const before = await customersRows(down, 'staff_member');
  const staff = await gql(down.url, STAFF_CREATE, { input: staffInput(knownLocation) });
  expect(staff.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  const kiosk = await gql(down.url, KIOSK, { locationId: knownLocation });
  expect(kiosk.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
  expect(await customersRows(down, 'staff_member')).toBe(before);
});
