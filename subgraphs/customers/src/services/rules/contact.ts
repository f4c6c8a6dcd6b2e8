import { isEmail } from 'class-validator';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

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
