import { isEmail } from 'class-validator';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { UserError } from '#platform/graphql';
import { CustomersErrorCode } from '../errors';

/** Trimmed and lower-cased: one mailbox, one spelling, so uniqueness holds across case. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return isEmail(email) ? email : null;
}

/** E.164 ("+49301234567"); national numbers are read in the shop's default region. */
export function normalisePhone(raw: string, defaultRegion: CountryCode): string | null {
  const phone = parsePhoneNumberFromString(raw.trim(), defaultRegion);
  return phone?.isValid() ? phone.number : null;
}

/** Whether an optional text input holds anything but spaces. */
export function present(value: string | null | undefined): value is string {
  return value != null && value.trim() !== '';
}

/** Another customer has this email: at sign-up, on a change, or lost to a concurrent writer. */
export const emailTaken = () => new UserError(['input', 'email'], 'A customer with this email already exists', CustomersErrorCode.TAKEN);
/** Another customer has this phone number. */
export const phoneTaken = () =>
  new UserError(['input', 'phone'], 'A customer with this phone number already exists', CustomersErrorCode.TAKEN);

/** A unique email or phone lost to a concurrent writer, as the user error it stands for. */
export function contactTaken(constraint: string): UserError | undefined {
  if (constraint.includes('email')) return emailTaken();
  if (constraint.includes('phone')) return phoneTaken();
  return undefined;
}
