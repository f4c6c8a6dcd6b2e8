import { Role } from '#platform/auth';
import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError } from '#platform/graphql';
import { TOKEN_LIFETIME, issueToken } from '../auth/issue-token';
import { verifyAgainstDummy, verifyPassword } from '../auth/password';
import type { SignInLimiter } from '../auth/sign-in-limiter';
import type { CustomersContext } from '../context';
import { Customer, CustomerEventType, StaffMember } from '../entities';
import { CustomersErrorCode } from '../errors';
import type { CustomerAccessTokenCreateInput, StaffAccessTokenCreateInput } from '../inputs/access-token-create.input';
import type { CustomerAccessToken } from '../types/customer-access-token.type';
import { recordChannelVisit } from './channel-identity.service';
import { recordEvent } from './customer-event.service';

const throttled = () => new UserError(null, 'Too many sign-in attempts; try again in 15 minutes', CustomersErrorCode.THROTTLED);

/**
 * Signs a customer in by email and password: a 30-day CUSTOMER token. The sign-in is noted on
 * the timeline, and on the channel's identity when the channel is given.
 */
export async function createCustomerAccessToken(
  ctx: CustomersContext,
  input: CustomerAccessTokenCreateInput,
): Promise<MutationOutcome<CustomerAccessToken>> {
  // One answer for an unknown email and a wrong password, so sign-in does not reveal who has an account.
  const unidentified = new UserError(
    ['input'],
    'Unidentified customer: the email or password is wrong',
    CustomersErrorCode.UNIDENTIFIED_CUSTOMER,
  );
  // Erased and merged-away customers keep no email, so a token always names a live customer
  // (a merge passes the source's email and password to the target where it had none).
  const outcome = await authenticate(ctx, ctx.settings.customerSignIns, input, unidentified, (email) =>
    ctx.em.findOne(Customer, { email }),
  );
  if (!outcome.ok) return outcome;
  const customer = outcome.value;
  // The attempt was counted apart (it must count even when this fails); the sighting is the mutation.
  const recorded = await runMutation(ctx, async (tx) => {
    if (input.channel) await recordChannelVisit(tx.em, customer.id, input.channel);
    recordEvent(tx.em, customer.id, CustomerEventType.SIGNED_IN, { channel: input.channel });
    await tx.em.flush();
  });
  if (!recorded.ok) return recorded;
  return { ok: true, value: await issueToken(ctx, { role: Role.CUSTOMER, subject: customer.id }, TOKEN_LIFETIME.customer) };
}

/** Signs a staff member in: a 12-hour token with their role and store. */
export async function createStaffAccessToken(
  ctx: CustomersContext,
  input: StaffAccessTokenCreateInput,
): Promise<MutationOutcome<CustomerAccessToken>> {
  const unidentified = new UserError(
    ['input'],
    'Unidentified staff member: the email or password is wrong',
    CustomersErrorCode.UNIDENTIFIED_STAFF,
  );
  const outcome = await authenticate(ctx, ctx.settings.staffSignIns, input, unidentified, (email) =>
    ctx.em.findOne(StaffMember, { email }),
  );
  if (!outcome.ok) return outcome;
  const staff = outcome.value;
  return {
    ok: true,
    value: await issueToken(ctx, { role: staff.role, subject: staff.id, locationId: staff.locationId }, TOKEN_LIFETIME.staff),
  };
}

/**
 * Checks credentials under the attempt limits. An unknown email still costs one scrypt hash,
 * so its answer takes as long as a wrong password's.
 */
async function authenticate<A extends { passwordHash: string | null }>(
  ctx: CustomersContext,
  limiter: SignInLimiter,
  input: { email: string; password: string },
  unidentified: UserError,
  find: (email: string) => Promise<A | null>,
): Promise<MutationOutcome<A>> {
  const email = input.email.trim().toLowerCase();
  if (!(await limiter.tryAttempt(email, ctx.clientAddress))) return { ok: false, userErrors: [throttled()] };
  const account = email ? await find(email) : null;
  const matches = account?.passwordHash
    ? await verifyPassword(input.password, account.passwordHash)
    : await verifyAgainstDummy(input.password);
  if (!account || !matches) return { ok: false, userErrors: [unidentified] };
  await limiter.recordSuccess(email, ctx.clientAddress);
  return { ok: true, value: account };
}
