import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read aloud and typed from paper. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 16;

/** A new random code, shown grouped: XXXX-XXXX-XXXX-XXXX. */
export function generateGiftCardCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** Codes match regardless of case, spaces and hyphens. */
export function normaliseGiftCardCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** What is stored instead of the code. */
export function hashGiftCardCode(code: string): string {
  return createHash('sha256').update(normaliseGiftCardCode(code)).digest('hex');
}

export function lastCharacters(code: string): string {
  return normaliseGiftCardCode(code).slice(-4);
}
