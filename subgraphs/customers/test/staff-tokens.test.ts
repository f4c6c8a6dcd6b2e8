import { randomUUID } from 'node:crypto';
import { Role } from '#platform/auth';
import { verifyTestToken } from '../../../test/support/tokens';
import { seedDemoPeople, DEMO_PASSWORDS } from '../src/seed/seed-demo-people';
import { gql } from '../../../test/support/graphql-client';
import { customersRows, startCustomers, type CustomersHarness } from '../../../test/support/customers';
import { seedStock, startInventory, type InventoryHarness } from '../../../test/support/inventory';
import { dbId } from '../../../test/support/ids';

const STAFF_CREATE = `mutation($input: StaffCreateInput!) {
  staffCreate(input: $input) { staffMember { id name email role } userErrors { field message code } }
}`;
const STAFF_SIGN_IN = `mutation($input: StaffAccessTokenCreateInput!) {
  staffAccessTokenCreate(input: $input) { accessToken { token expiresAt } userErrors { field message code } }
}`;
const KIOSK = `mutation($locationId: ID!) { kioskTokenCreate(locationId: $locationId) { accessToken { token expiresAt } userErrors { field message code } } }`;
const PASSWORD = 'till-shift-2026';

let inventory: InventoryHarness;
let h: CustomersHarness;
let locationId: string;

beforeAll(async () => {
  inventory = await startInventory();
  locationId = Object.values(await seedStock(inventory))[0];
  h = await startCustomers({ inventoryUrl: inventory.url });
});
afterAll(async () => {
  await h.close();
  await inventory.close();
});

const hoursUntil = (iso: string) => (new Date(iso).getTime() - Date.now()) / 3_600_000;

it('creates a staff member whose sign-in carries their role and store for 12 hours', async () => {
  const created = await gql(h.url, STAFF_CREATE, {
    input: { name: 'Mia Manager', email: 'Mia@Velocity.example', password: PASSWORD, role: 'MANAGER', locationId },
  });
  expect(created.data?.staffCreate.userErrors).toEqual([]);
  const staff = created.data?.staffCreate.staffMember;
  expect(staff).toMatchObject({ name: 'Mia Manager', email: 'mia@velocity.example', role: 'MANAGER' });

  const signedIn = (await gql(h.url, STAFF_SIGN_IN, { input: { email: 'mia@velocity.example', password: PASSWORD } })).data
    ?.staffAccessTokenCreate;
  expect(signedIn.userErrors).toEqual([]);
  const viewer = await verifyTestToken(signedIn.accessToken.token);
  expect(viewer).toMatchObject({ role: Role.MANAGER, subject: dbId(staff.id), locationId });
  expect(hoursUntil(signedIn.accessToken.expiresAt)).toBeGreaterThan(11.9);
  expect(hoursUntil(signedIn.accessToken.expiresAt)).toBeLessThanOrEqual(12);

  const wrong = (await gql(h.url, STAFF_SIGN_IN, { input: { email: 'mia@velocity.example', password: 'not-the-password-1' } })).data
    ?.staffAccessTokenCreate;
  const unknown = (await gql(h.url, STAFF_SIGN_IN, { input: { email: 'ghost@velocity.example', password: PASSWORD } })).data
    ?.staffAccessTokenCreate;
  expect(wrong.userErrors[0].code).toBe('UNIDENTIFIED_STAFF');
  expect(unknown).toEqual(wrong);
});

it('refuses a staff member at a location inventory does not know, writing nothing', async () => {
  const before = await customersRows(h, 'staff_member');
  const result = await gql(h.url, STAFF_CREATE, {
    input: { name: 'Lost', email: 'lost@velocity.example', password: PASSWORD, role: 'STAFF', locationId: randomUUID() },
  });
  expect(result.data?.staffCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'locationId'], code: 'NOT_FOUND' })]);
  expect(await customersRows(h, 'staff_member')).toBe(before);
});

it('issues a 90-day KIOSK token for a real location', async () => {
  const result = (await gql(h.url, KIOSK, { locationId })).data?.kioskTokenCreate;
  expect(result.userErrors).toEqual([]);
  const viewer = await verifyTestToken(`Bearer ${result.accessToken.token}`);
  expect(viewer.role).toBe(Role.KIOSK);
  expect(viewer.locationId).toBe(locationId);
  expect(viewer.subject).toEqual(expect.any(String));
  expect(hoursUntil(result.accessToken.expiresAt) / 24).toBeGreaterThan(89.9);
});

it('refuses a kiosk token for an unknown location', async () => {
  const result = (await gql(h.url, KIOSK, { locationId: randomUUID() })).data?.kioskTokenCreate;
  expect(result.accessToken).toBeNull();
  expect(result.userErrors).toEqual([expect.objectContaining({ field: ['locationId'], code: 'NOT_FOUND' })]);
});

it('seeds the demo admin, staff member and customer once, and they can sign in', async () => {
  const em = h.server.orm.em.fork();
  await em.getConnection().execute('delete from customers.staff_member');
  const seeded = await seedDemoPeople(em, { locationIds: [locationId] });
  expect(seeded).not.toBeNull();
  expect(await seedDemoPeople(h.server.orm.em.fork(), { locationIds: [locationId] })).toBeNull();

  const admin = (await gql(h.url, STAFF_SIGN_IN, { input: { email: 'admin@velocity-cycles.example', password: DEMO_PASSWORDS.admin } }))
    .data?.staffAccessTokenCreate;
  expect(await verifyTestToken(admin.accessToken.token)).toMatchObject({ role: Role.ADMIN, subject: seeded!.adminId, locationId: null });
  const staff = (await gql(h.url, STAFF_SIGN_IN, { input: { email: seeded!.emails.staff, password: DEMO_PASSWORDS.staff } })).data
    ?.staffAccessTokenCreate;
  expect((await verifyTestToken(staff.accessToken.token)).locationId).toBe(locationId);
  const customer = await gql(
    h.url,
    `mutation($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { accessToken { token } } }`,
    {
      input: { email: seeded!.emails.customer, password: DEMO_PASSWORDS.customer },
    },
  );
  expect((await verifyTestToken(customer.data?.customerAccessTokenCreate.accessToken.token)).subject).toBe(seeded!.customerId);
});
