import { Role } from '#platform/auth';
import { createLogger } from '#platform/runtime';
import { createCustomersServer } from '../src/server';
import { ANONYMOUS, TEST_JWT_SECRET, verifyTestToken } from '../../../test/support/tokens';
import { gql } from '../../../test/support/graphql-client';
import { customersRows, startCustomers, type CustomersHarness } from '../../../test/support/customers';
import { dbId } from '../../../test/support/ids';

const CREATE = `mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id email phone displayName acceptsMarketing } userErrors { field message code } }
}`;
const SIGN_IN = `mutation($input: CustomerAccessTokenCreateInput!) {
  customerAccessTokenCreate(input: $input) { accessToken { token expiresAt } userErrors { field message code } }
}`;
const LOOKUP = `query($email: String, $phone: String) { customerLookup(email: $email, phone: $phone) { id email phone } }`;
const PASSWORD = 'correct-horse-42';

let h: CustomersHarness;
let addressCounter = 0;
/** A caller address of the test's own, so one test's failures do not throttle another's. */
const freshAddress = () => ({ 'x-forwarded-for': `203.0.113.${++addressCounter}` });

beforeAll(async () => {
  h = await startCustomers();
});
afterAll(() => h.close());

async function create(input: Record<string, unknown>) {
  const result = await gql(h.url, CREATE, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.customerCreate;
}

async function signIn(email: string, password: string, headers: Record<string, string> = {}) {
  const result = await gql(h.url, SIGN_IN, { input: { email, password } }, headers);
  expect(result.errors).toBeUndefined();
  return result.data!.customerAccessTokenCreate;
}

describe('sign-up and sign-in', () => {
  it('signs up, signs in with a verifiable 30-day CUSTOMER token, and `me` answers with it', async () => {
    const created = await create({
      email: '  Ada@Example.COM ',
      phone: '+49 30 5550001',
      firstName: 'Ada',
      lastName: 'Lovelace',
      password: PASSWORD,
      acceptsMarketing: true,
    });
    expect(created.userErrors).toEqual([]);
    expect(created.customer).toMatchObject({
      email: 'ada@example.com',
      phone: '+49305550001',
      displayName: 'Ada Lovelace',
      acceptsMarketing: true,
    });

    const signedIn = await signIn('ADA@example.com', PASSWORD, freshAddress());
    expect(signedIn.userErrors).toEqual([]);
    const { token, expiresAt } = signedIn.accessToken;
    const viewer = await verifyTestToken(`Bearer ${token}`);
    expect(viewer).toMatchObject({ role: Role.CUSTOMER, subject: dbId(created.customer.id), locationId: null });
    const days = (new Date(expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const me = await gql(h.url, '{ me { id email } }', undefined, { authorization: `Bearer ${token}` });
    expect(me.data?.me).toEqual({ id: created.customer.id, email: 'ada@example.com' });
    const anonymous = await gql(h.url, '{ me { id } }', undefined, ANONYMOUS);
    expect(anonymous.data?.me).toBeNull();
  });

  it('stores the password as an scrypt hash, never as given', async () => {
    await create({ email: 'hash@example.com', password: PASSWORD });
    const row = await h.server.orm.em.getConnection().getKnex()('customers.customer').where({ email: 'hash@example.com' }).first();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    await create({ email: 'known@example.com', password: PASSWORD });
    const wrong = await signIn('known@example.com', 'wrong-password-1', freshAddress());
    const unknown = await signIn('nobody@example.com', PASSWORD, freshAddress());
    expect(wrong.accessToken).toBeNull();
    expect(wrong.userErrors).toHaveLength(1);
    expect(wrong.userErrors[0].code).toBe('UNIDENTIFIED_CUSTOMER');
    expect(unknown).toEqual(wrong);
  });
});

describe('bad input writes nothing', () => {
  it.each([
    ['a malformed email', { email: 'not-an-email', password: PASSWORD }, ['input', 'email'], 'INVALID'],
    ['a malformed phone', { phone: '12', password: PASSWORD }, ['input', 'phone'], 'INVALID'],
    ['neither email nor phone', { firstName: 'Nobody', password: PASSWORD }, ['input', 'email'], 'BLANK'],
    ['a short password', { email: 'short@example.com', password: 'a1b2c3' }, ['input', 'password'], 'WEAK_PASSWORD'],
    ['a letters-only password', { email: 'letters@example.com', password: 'onlylettershere' }, ['input', 'password'], 'WEAK_PASSWORD'],
    ['a digits-only password', { email: 'digits@example.com', password: '12345678901' }, ['input', 'password'], 'WEAK_PASSWORD'],
    ['the email as password', { email: 'same1@example.com', password: 'Same1@Example.com' }, ['input', 'password'], 'WEAK_PASSWORD'],
  ])('rejects %s', async (_name, input, field, code) => {
    const before = await customersRows(h, 'customer');
    const result = await create(input);
    expect(result.customer).toBeNull();
    expect(result.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await customersRows(h, 'customer')).toBe(before);
  });

  it('refuses an email that differs only in case as TAKEN', async () => {
    expect((await create({ email: 'dup@example.com', password: PASSWORD })).userErrors).toEqual([]);
    const before = await customersRows(h, 'customer');
    const again = await create({ email: ' DUP@Example.com', password: PASSWORD });
    expect(again.userErrors).toEqual([expect.objectContaining({ field: ['input', 'email'], code: 'TAKEN' })]);
    expect(await customersRows(h, 'customer')).toBe(before);
  });

  it('treats "+49 30 1234567" and "030 1234567" (region DE) as the same phone', async () => {
    const first = await create({ phone: '+49 30 1234567' });
    expect(first.customer.phone).toBe('+49301234567');
    const second = await create({ phone: '030 1234567' });
    expect(second.userErrors).toEqual([expect.objectContaining({ field: ['input', 'phone'], code: 'TAKEN' })]);
  });

  it('lets exactly one of concurrent sign-ups with one email through', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => create({ email: i % 2 ? 'race@example.com' : 'RACE@example.com', password: PASSWORD })),
    );
    expect(results.filter((r) => r.customer)).toHaveLength(1);
    for (const r of results.filter((r) => !r.customer)) expect(r.userErrors[0].code).toBe('TAKEN');
    const row = await h.server.orm.em
      .getConnection()
      .getKnex()('customers.customer')
      .where({ email: 'race@example.com' })
      .count({ n: '*' })
      .first();
    expect(Number(row?.n)).toBe(1);
  });
});

describe('throttling', () => {
  // Every attempt costs a deliberate scrypt hash (about 0.1 s on an idle core, several times that
  // on a busy one), so the tests that make 30 and 50 of them one after another get more time.
  const MANY_HASHES_MS = 180_000;

  it('refuses an address after 5 failures on one account, even with the right password, while the owner signs in elsewhere', async () => {
    await create({ email: 'victim@example.com', password: PASSWORD });
    const attacker = freshAddress();
    for (let i = 0; i < 5; i += 1) {
      expect((await signIn('victim@example.com', `guess-number-${i}`, attacker)).userErrors[0].code).toBe('UNIDENTIFIED_CUSTOMER');
    }
    const blocked = await signIn('Victim@example.com', PASSWORD, attacker);
    expect(blocked.accessToken).toBeNull();
    expect(blocked.userErrors[0].code).toBe('THROTTLED');
    // One guesser cannot lock the owner out.
    expect((await signIn('victim@example.com', PASSWORD, freshAddress())).userErrors).toEqual([]);
  });

  it(
    'refuses an account after 30 failures from anywhere, slowing a guesser spread over many addresses',
    async () => {
      await create({ email: 'target@example.com', password: PASSWORD });
      for (let i = 0; i < 30; i += 1) {
        expect((await signIn('target@example.com', `spread-guess-${i}`, freshAddress())).userErrors[0].code).toBe('UNIDENTIFIED_CUSTOMER');
      }
      expect((await signIn('target@example.com', PASSWORD, freshAddress())).userErrors[0].code).toBe('THROTTLED');
    },
    MANY_HASHES_MS,
  );

  it(
    'refuses an address after 50 attempts, whichever emails it tries',
    async () => {
      await create({ email: 'bystander@example.com', password: PASSWORD });
      const attacker = freshAddress();
      for (let i = 0; i < 50; i += 1) {
        expect((await signIn(`spray-${i}@example.com`, PASSWORD, attacker)).userErrors[0].code).toBe('UNIDENTIFIED_CUSTOMER');
      }
      expect((await signIn('bystander@example.com', PASSWORD, attacker)).userErrors[0].code).toBe('THROTTLED');
      expect((await signIn('bystander@example.com', PASSWORD, freshAddress())).userErrors).toEqual([]);
    },
    MANY_HASHES_MS,
  );

  it("counts attempts across replicas: a second server on the same database sees the first one's failures", async () => {
    await create({ email: 'replicated@example.com', password: PASSWORD });
    const replica = await createCustomersServer({
      databaseUrl: h.db.url,
      logger: createLogger('customers-replica', 'silent'),
      jwtSecret: TEST_JWT_SECRET,
      inventoryUrl: 'http://127.0.0.1:9/graphql',
    });
    const replicaUrl = `${await replica.listen(0)}/graphql`;
    try {
      const attacker = freshAddress();
      for (let i = 0; i < 5; i += 1) {
        const url = i % 2 === 0 ? h.url : replicaUrl;
        const result = await gql(url, SIGN_IN, { input: { email: 'replicated@example.com', password: `guess-${i}` } }, attacker);
        expect(result.data?.customerAccessTokenCreate.userErrors[0].code).toBe('UNIDENTIFIED_CUSTOMER');
      }
      for (const url of [h.url, replicaUrl]) {
        const result = await gql(url, SIGN_IN, { input: { email: 'replicated@example.com', password: PASSWORD } }, attacker);
        expect(result.data?.customerAccessTokenCreate.userErrors[0].code).toBe('THROTTLED');
      }
    } finally {
      await replica.close();
    }
  });
});

describe('customerLookup', () => {
  it('finds a customer by email or by phone, normalised as at sign-up', async () => {
    const { customer } = await create({ email: 'till@example.com', phone: '+49 40 5550002' });
    expect((await gql(h.url, LOOKUP, { email: ' TILL@example.com' })).data?.customerLookup.id).toBe(customer.id);
    expect((await gql(h.url, LOOKUP, { phone: '040 5550002' })).data?.customerLookup.id).toBe(customer.id);
    expect((await gql(h.url, LOOKUP, { email: 'stranger@example.com' })).data?.customerLookup).toBeNull();
  });

  it('needs exactly one of email and phone', async () => {
    for (const variables of [{}, { email: 'till@example.com', phone: '+49 40 5550002' }]) {
      const result = await gql(h.url, LOOKUP, variables);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
