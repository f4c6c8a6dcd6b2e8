import { badUserInput, Role, runMutation, UserError, UserErrorCode, UserErrorsException, validateInput, type MutationOutcome } from '../../../platform/src';
import { hashPassword } from '../auth/password';
import type { CustomersContext } from '../context';
import { Customer } from '../entities';
import type { CustomerCreateInput } from '../inputs/customer-create.input';
import { findCustomer } from './customer-query.service';
import { normaliseEmail, normalisePhone } from './rules/contact';
import { CustomersErrorCode } from './rules/error-codes';
import { passwordWeakness } from './rules/password-policy';

const emailTaken = () => new UserError(['input', 'email'], 'A customer with this email already exists', UserErrorCode.TAKEN);
const phoneTaken = () => new UserError(['input', 'phone'], 'A customer with this phone number already exists', UserErrorCode.TAKEN);

/** Registers a customer; a concurrent sign-up with the same email or phone loses with TAKEN. */
export async function createCustomer(ctx: CustomersContext, input: CustomerCreateInput): Promise<MutationOutcome<Customer>> {
  const errors = await validateInput(input, ['input']);
  const email = present(input.email) ? normaliseEmail(input.email) : null;
  const phone = present(input.phone) ? normalisePhone(input.phone, ctx.settings.defaultPhoneRegion) : null;
  if (present(input.email) && !email) errors.push(new UserError(['input', 'email'], 'Email is not a valid address', UserErrorCode.INVALID));
  if (present(input.phone) && !phone) errors.push(new UserError(['input', 'phone'], 'Phone is not a valid phone number', UserErrorCode.INVALID));
  if (!present(input.email) && !present(input.phone)) {
    errors.push(new UserError(['input', 'email'], 'Give an email or a phone number', UserErrorCode.BLANK));
  }
  const weakness = input.password != null ? passwordWeakness(input.password, email) : null;
  if (weakness) errors.push(new UserError(['input', 'password'], weakness, CustomersErrorCode.WEAK_PASSWORD));
  if (errors.length) return { ok: false, userErrors: errors };

  // Hashing takes ~100 ms: done before the transaction so it holds no connection meanwhile.
  const passwordHash = input.password != null ? await hashPassword(input.password) : null;
  return runMutation(
    ctx.em,
    async (em) => {
      if (email && (await em.count(Customer, { email }))) errors.push(emailTaken());
      if (phone && (await em.count(Customer, { phone }))) errors.push(phoneTaken());
      if (errors.length) throw new UserErrorsException(errors);
      const customer = Object.assign(new Customer(), {
        email,
        phone,
        firstName: input.firstName?.trim() || null,
        lastName: input.lastName?.trim() || null,
        acceptsMarketing: input.acceptsMarketing ?? false,
        passwordHash,
      });
      await em.persistAndFlush(customer);
      return customer;
    },
    (constraint) => (constraint.includes('email') ? emailTaken() : constraint.includes('phone') ? phoneTaken() : undefined),
  );
}

/** The customer a CUSTOMER token was issued to; null for anyone else. */
export function findSignedInCustomer(ctx: CustomersContext): Promise<Customer | null> {
  const { role, subject } = ctx.viewer;
  return role === Role.CUSTOMER && subject ? findCustomer(ctx, subject) : Promise.resolve(null);
}

/** Finds a customer by exactly one of email or phone, normalised as at sign-up. */
export async function lookupCustomer(ctx: CustomersContext, args: { email?: string | null; phone?: string | null }): Promise<Customer | null> {
  if (present(args.email) === present(args.phone)) throw badUserInput('Give exactly one of email or phone');
  if (present(args.email)) {
    const email = normaliseEmail(args.email);
    return email ? ctx.em.findOne(Customer, { email }) : null;
  }
  const phone = normalisePhone(args.phone as string, ctx.settings.defaultPhoneRegion);
  return phone ? ctx.em.findOne(Customer, { phone }) : null;
}

function present(value: string | null | undefined): value is string {
  return value != null && value.trim() !== '';
}
