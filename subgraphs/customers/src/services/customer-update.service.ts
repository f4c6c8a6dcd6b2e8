import { forbidden, isStaff } from '#platform/auth';
import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { Limits } from '../constants';
import type { CustomersContext } from '../context';
import { Customer } from '../entities';
import { CustomersErrorCode } from '../errors';
import type { CustomerUpdateInput } from '../inputs/customer-update.input';
import { contactTaken, emailTaken, normaliseEmail, normalisePhone, phoneTaken, present } from '../rules/contact';
import { normaliseTags } from '../rules/tags';
import { customerToChange } from './customer-access';
import { lockCustomer } from './customer-lock';

/** A contact field as given: absent (unchanged), cleared, a normalised value, or invalid. */
type ContactChange = { kind: 'unchanged' } | { kind: 'set'; value: string | null } | { kind: 'invalid' };

function contactChange(raw: string | null | undefined, normalise: (value: string) => string | null): ContactChange {
  if (raw === undefined) return { kind: 'unchanged' };
  if (!present(raw)) return { kind: 'set', value: null };
  const value = normalise(raw);
  return value ? { kind: 'set', value } : { kind: 'invalid' };
}

/**
 * Changes a customer's names, email, phone, marketing consent and (staff only) tags. The
 * customer themselves (id left out) or staff. Email and phone are normalised and unique as at
 * sign-up; a concurrent change to the same value loses with TAKEN.
 */
export async function updateCustomer(
  ctx: CustomersContext,
  id: string | null | undefined,
  input: CustomerUpdateInput,
): Promise<MutationOutcome<Customer>> {
  if (input.tags != null && !isStaff(ctx.viewer)) throw forbidden('Only staff set tags');
  const errors = await validateInput(input, ['input']);
  const email = contactChange(input.email, normaliseEmail);
  const phone = contactChange(input.phone, (raw) => normalisePhone(raw, ctx.settings.defaultPhoneRegion));
  if (email.kind === 'invalid') errors.push(new UserError(['input', 'email'], 'Email is not a valid address', CustomersErrorCode.INVALID));
  if (phone.kind === 'invalid')
    errors.push(new UserError(['input', 'phone'], 'Phone is not a valid phone number', CustomersErrorCode.INVALID));
  const tags = input.tags != null ? normaliseTags(input.tags, ['input', 'tags'], Limits.TAGS_PER_CUSTOMER) : null;
  if (tags) errors.push(...tags.errors);
  const target = await customerToChange(ctx, id, ['id']);
  if (!target.ok) errors.push(...target.userErrors);
  if (errors.length || !target.ok) return { ok: false, userErrors: errors };

  return runMutation(
    ctx,
    async (tx) => {
      const customer = await lockCustomer(tx.em, target.customer.id, ['id']);
      if (email.kind === 'set' && email.value !== customer.email) {
        if (email.value && (await tx.em.count(Customer, { email: email.value }))) errors.push(emailTaken());
        customer.email = email.value;
      }
      if (phone.kind === 'set' && phone.value !== customer.phone) {
        if (phone.value && (await tx.em.count(Customer, { phone: phone.value }))) errors.push(phoneTaken());
        customer.phone = phone.value;
      }
      if (!customer.email && !customer.phone) {
        errors.push(new UserError(['input', 'email'], 'A customer keeps an email or a phone number', CustomersErrorCode.BLANK));
      }
      if (errors.length) throw new UserErrorsException(errors);
      if (input.firstName !== undefined) customer.firstName = input.firstName?.trim() || null;
      if (input.lastName !== undefined) customer.lastName = input.lastName?.trim() || null;
      if (input.acceptsMarketing != null) customer.acceptsMarketing = input.acceptsMarketing;
      if (tags) customer.tags = tags.tags;
      customer.updatedAt = new Date();
      await tx.em.flush();
      return customer;
    },
    { onUniqueViolation: contactTaken },
  );
}
