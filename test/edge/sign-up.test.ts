import { readMailbox } from '#platform/mail';
import { asAdmin } from '../support/tokens';
import { gql } from '../support/graphql-client';
import { startGateway, type GatewayHarness } from '../support/gateway';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';

/**
 * Sign-up as an anonymous outsider meets it through the gateway: one answer whether or not an
 * email is known, the owner told by mail instead, and a limit per client address (the gateway's
 * view of it, behind a trusted proxy here).
 */
let system: SupergraphHarness;
let behindProxy: GatewayHarness;

beforeAll(async () => {
  system = await startSupergraph();
  behindProxy = await startGateway(system.urls, { gatewaySecret: system.gatewaySecret, trustProxy: 'loopback' });
}, 120_000);
afterAll(async () => {
  await behindProxy?.close();
  await system?.close();
});

const SIGN_UP = `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id email } userErrors { field code message } } }`;
const SIGN_IN = `mutation($input: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $input) { accessToken { token } userErrors { code } } }`;
const PASSWORD = 'another-horse-77';
let addresses = 0;
/** A client address of the test's own, as the trusted proxy reports it. */
const freshClient = () => ({ 'x-forwarded-for': `198.51.100.${++addresses}` });

async function signUp(input: Record<string, unknown>, headers: Record<string, string>) {
  const answer = await gql(behindProxy.url, SIGN_UP, { input }, headers);
  expect(answer.errors).toBeUndefined();
  return answer.data!.customerCreate as { customer: { id: string; email: string } | null; userErrors: { code: string; message: string }[] };
}

async function mailTo(email: string): Promise<{ subject: string; body: string }[]> {
  // The notice goes out after the answer; give it a moment to land.
  for (let i = 0; i < 50; i += 1) {
    const mail = (await readMailbox(system.mailDirectory)).filter((message) => message.to.includes(email));
    if (mail.length) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

it('answers an anonymous sign-up the same for a new email and a known one, and mails the known one', async () => {
  const client = freshClient();
  const fresh = await signUp({ email: 'new.rider@example.com', password: PASSWORD }, client);
  const known = await signUp({ email: 'Ada.Rider@example.com', password: PASSWORD, firstName: 'Mallory' }, client);
  expect(fresh).toEqual({ customer: null, userErrors: [] });
  expect(known).toEqual(fresh);

  // The new customer signs in next; the known account keeps its own password and name.
  const newcomer = await gql(behindProxy.url, SIGN_IN, { input: { email: 'new.rider@example.com', password: PASSWORD } }, client);
  expect(newcomer.data?.customerAccessTokenCreate.userErrors).toEqual([]);
  const owner = await gql(behindProxy.url, SIGN_IN, { input: { email: 'ada.rider@example.com', password: PASSWORD } }, client);
  expect(owner.data?.customerAccessTokenCreate.userErrors).toEqual([{ code: 'UNIDENTIFIED_CUSTOMER' }]);
  const ada = await gql(system.gateway.url, `{ customerLookup(email: "ada.rider@example.com") { firstName } }`, {}, await asAdmin());
  expect(ada.data?.customerLookup.firstName).not.toBe('Mallory');

  const notices = await mailTo('ada.rider@example.com');
  expect(notices).toHaveLength(1);
  expect(notices[0].subject).toBe('Someone tried to sign up with your details');
  expect(notices[0].body).toContain('198.51.100.');
  expect(await readMailbox(system.mailDirectory)).not.toContainEqual(expect.objectContaining({ to: expect.stringContaining('new.rider') }));
});

it('still tells anonymous callers what is wrong with their input', async () => {
  const answer = await signUp({ email: 'not-an-email', password: 'short' }, freshClient());
  expect(answer.customer).toBeNull();
  expect(answer.userErrors.map((e) => e.code).sort()).toEqual(['INVALID', 'WEAK_PASSWORD']);
});

it('gives staff at a till the customer, and TAKEN for a known email', async () => {
  const admin = { ...(await asAdmin()), ...freshClient() };
  const created = await signUp({ email: 'till.rider@example.com' }, admin);
  expect(created.customer).toMatchObject({ id: expect.any(String), email: 'till.rider@example.com' });
  const again = await signUp({ email: 'till.rider@example.com' }, admin);
  expect(again).toEqual({ customer: null, userErrors: [expect.objectContaining({ code: 'TAKEN', field: ['input', 'email'] })] });
});

it('limits sign-ups per client address with THROTTLED, counting known emails too, and not other addresses', async () => {
  const client = freshClient();
  const answers = [];
  // 20 an hour by default (SIGN_UPS_PER_ADDRESS); a known email counts as any other attempt.
  for (let i = 0; i < 20; i += 1) answers.push(await signUp({ email: i % 2 ? 'ada.rider@example.com' : `flood-${i}@example.com` }, client));
  expect(answers.every((answer) => answer.userErrors.length === 0)).toBe(true);
  const refused = await signUp({ email: 'flood-last@example.com' }, client);
  expect(refused.customer).toBeNull();
  expect(refused.userErrors).toEqual([
    { field: null, code: 'THROTTLED', message: expect.stringMatching(/^Too many sign-ups from this address/) },
  ]);
  const refusedRows = await system.servers.customers.orm.em
    .getConnection()
    .getKnex()('customers.customer')
    .where({ email: 'flood-last@example.com' })
    .count({ n: '*' })
    .first();
  expect(Number(refusedRows?.n)).toBe(0);
  expect((await signUp({ email: 'elsewhere@example.com' }, freshClient())).userErrors).toEqual([]);
  // The owner of the known email is told once, not ten times.
  expect((await mailTo('ada.rider@example.com')).length).toBe(1);
});
