import { isStaff } from '#platform/auth';
import type { MutationOutcome } from '#platform/db';
import { UserError } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { Customer } from '../entities';
import { CustomersErrorCode } from '../errors';
import type { CustomerCreateInput } from '../inputs/customer-create.input';
import { normaliseEmail, normalisePhone, present } from '../rules/contact';
import { createCustomer } from './customer.service';

/**
 * Sign-up as the public sees it. Staff at a till are told that an email or phone is taken and
 * get the new customer. Anyone else gets one answer whether or not an account already holds the
 * email or phone (no customer, no TAKEN), so sign-up cannot tell who shops here: the owner of
 * the existing account is mailed instead, and a new customer signs in next. Sign-ups are limited
 * per client address, so the answer cannot be probed by the thousand either.
 */
export async function signUp(ctx: CustomersContext, input: CustomerCreateInput): Promise<MutationOutcome<Customer | null>> {
  if (isStaff(ctx.viewer)) return createCustomer(ctx, input);
  const waitMs = await ctx.settings.signUps.consume(ctx.clientAddress);
  if (waitMs !== null) {
    const minutes = Math.ceil(waitMs / 60_000);
    const message = `Too many sign-ups from this address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
    return { ok: false, userErrors: [new UserError(null, message, CustomersErrorCode.THROTTLED)] };
  }
  const outcome = await createCustomer(ctx, input);
  if (outcome.ok) return { ok: true, value: null };
  // Input errors come before the uniqueness check, so TAKEN never stands beside them.
  if (!outcome.userErrors.every((error) => error.code === CustomersErrorCode.TAKEN)) return outcome;
  const owners = await existingOwners(ctx, input);
  // Not awaited: the answer must not wait on the mail server, or its timing would tell.
  void noticeOwners(ctx, owners).catch((error: unknown) => ctx.logger.warn({ err: error }, 'sign-up notice not sent'));
  return { ok: true, value: null };
}

/** The accounts holding the email or phone a sign-up gave. */
async function existingOwners(ctx: CustomersContext, input: CustomerCreateInput): Promise<Customer[]> {
  const email = present(input.email) ? normaliseEmail(input.email) : null;
  const phone = present(input.phone) ? normalisePhone(input.phone, ctx.settings.defaultPhoneRegion) : null;
  const or = [...(email ? [{ email }] : []), ...(phone ? [{ phone }] : [])];
  return or.length ? ctx.em.find(Customer, { $or: or }) : [];
}

/**
 * Tells each owner with an email that someone tried to sign up with their details: at most one
 * notice an account an hour, so a flood of attempts does not flood their mailbox.
 */
async function noticeOwners(ctx: CustomersContext, owners: Customer[]): Promise<void> {
  for (const owner of owners) {
    if (!owner.email || (await ctx.settings.signUpNotices.consume(owner.id)) !== null) continue;
    await ctx.settings.mailer.send({
      id: `sign-up-attempt-${owner.id}-${ctx.requestId}`,
      to: owner.email,
      subject: 'Someone tried to sign up with your details',
      text:
        `Someone tried to create an account with your email address or phone number on ${new Date().toUTCString()}, ` +
        `from the address ${ctx.clientAddress}.\n\nYou already have an account with us, so nothing was created. ` +
        'If it was you, sign in with your email and password. If it was not, you need do nothing: your account is unchanged.',
    });
  }
}
