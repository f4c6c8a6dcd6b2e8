import { runMutation, type MutationOutcome } from '#platform/db';
import { SalesChannel, UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import { hashPassword } from '../auth/password';
import type { CustomersContext } from '../context';
import { Customer, CustomerEventType } from '../entities';
import { CustomersErrorCode } from '../errors';
import type { ChannelIdentityInput } from '../inputs/channel-identity.input';
import type { CustomerCreateInput } from '../inputs/customer-create.input';
import { contactTaken, emailTaken, normaliseEmail, normalisePhone, phoneTaken, present } from '../rules/contact';
import { passwordWeakness } from '../rules/password-policy';
import { findByIdentity, recordChannelVisit } from './channel-identity.service';
import { viewerCustomer } from './customer-access';
import { recordEvent } from './customer-event.service';

/**
 * Registers a customer, seen on the channel they signed up through (WEB unless given); a
 * concurrent sign-up with the same email or phone loses with TAKEN.
 */
export async function createCustomer(ctx: CustomersContext, input: CustomerCreateInput): Promise<MutationOutcome<Customer>> {
  const errors = await validateInput(input, ['input']);
  const email = present(input.email) ? normaliseEmail(input.email) : null;
  const phone = present(input.phone) ? normalisePhone(input.phone, ctx.settings.defaultPhoneRegion) : null;
  if (present(input.email) && !email)
    errors.push(new UserError(['input', 'email'], 'Email is not a valid address', CustomersErrorCode.INVALID));
  if (present(input.phone) && !phone)
    errors.push(new UserError(['input', 'phone'], 'Phone is not a valid phone number', CustomersErrorCode.INVALID));
  if (!present(input.email) && !present(input.phone)) {
    errors.push(new UserError(['input', 'email'], 'Give an email or a phone number', CustomersErrorCode.BLANK));
  }
  const weakness = input.password != null ? passwordWeakness(input.password, email) : null;
  if (weakness) errors.push(new UserError(['input', 'password'], weakness, CustomersErrorCode.WEAK_PASSWORD));
  if (errors.length) return { ok: false, userErrors: errors };

  // Hashing takes ~100 ms: done before the transaction so it holds no connection meanwhile.
  const passwordHash = input.password != null ? await hashPassword(input.password) : null;
  const channel = input.channel ?? SalesChannel.WEB;
  return runMutation(
    ctx,
    async (tx) => {
      if (email && (await tx.em.count(Customer, { email }))) errors.push(emailTaken());
      if (phone && (await tx.em.count(Customer, { phone }))) errors.push(phoneTaken());
      if (errors.length) throw new UserErrorsException(errors);
      const customer = Object.assign(new Customer(), {
        email,
        phone,
        firstName: input.firstName?.trim() || null,
        lastName: input.lastName?.trim() || null,
        acceptsMarketing: input.acceptsMarketing ?? false,
        passwordHash,
      });
      tx.em.persist(customer);
      await tx.em.flush();
      await recordChannelVisit(tx.em, customer.id, channel);
      recordEvent(tx.em, customer.id, CustomerEventType.SIGNED_UP, { channel });
      await tx.em.flush();
      return customer;
    },
    { onUniqueViolation: contactTaken },
  );
}

/** The signed-in customer (followed through a merge); null for anyone else, and once erased. */
export async function findSignedInCustomer(ctx: CustomersContext): Promise<Customer | null> {
  const customer = await viewerCustomer(ctx);
  return customer?.erasedAt ? null : customer;
}

/**
 * Finds a customer by exactly one of email, phone (normalised as at sign-up) or their id on a
 * channel. Erased customers keep none of these, so they are never found.
 */
export async function lookupCustomer(
  ctx: CustomersContext,
  args: { email?: string | null; phone?: string | null; identity?: ChannelIdentityInput | null },
): Promise<Customer | null> {
  const given = [present(args.email), present(args.phone), args.identity != null].filter(Boolean).length;
  if (given !== 1) throw badUserInput('Give exactly one of email, phone or identity');
  if (args.identity) return findByIdentity(ctx, args.identity.channel, args.identity.externalId);
  if (present(args.email)) {
    const email = normaliseEmail(args.email);
    return email ? ctx.em.findOne(Customer, { email }) : null;
  }
  const phone = normalisePhone(args.phone as string, ctx.settings.defaultPhoneRegion);
  return phone ? ctx.em.findOne(Customer, { phone }) : null;
}
