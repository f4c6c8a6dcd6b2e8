/**
 * Checks of what a shopper sends, before anything is read or written: each malformed value is a
 * user error naming its field, and a mutation with any of them changes nothing.
 */
import { UserError } from '#platform/graphql';
import { OrdersErrorCode } from '../errors';
import { MAX_CODE_LENGTH, MAX_DISCOUNT_CODES, MAX_FIELD_LENGTH, MAX_LINE_QUANTITY, MAX_NOTE_LENGTH } from './cart-limits';

type Path = readonly (string | number)[];

const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function quantityErrors(quantity: number, path: Path, minimum = 1): UserError[] {
  if (quantity < minimum) return [new UserError(path, `Quantity must be at least ${minimum}`, OrdersErrorCode.GREATER_THAN_OR_EQUAL_TO)];
  if (quantity > MAX_LINE_QUANTITY) {
    return [new UserError(path, `Quantity must be at most ${MAX_LINE_QUANTITY}`, OrdersErrorCode.LESS_THAN_OR_EQUAL_TO)];
  }
  return [];
}

/** A line names a SKU or a variant id, exactly one. */
export function lineTargetErrors(line: { sku?: string | null; variantId?: string | null }, path: Path): UserError[] {
  const sku = line.sku?.trim();
  const variantId = line.variantId?.trim();
  if (sku && variantId) return [new UserError(path, 'Name a SKU or a variant id, not both', OrdersErrorCode.INVALID)];
  if (!sku && !variantId) return [new UserError([...path, 'sku'], 'A line needs a SKU or a variant id', OrdersErrorCode.BLANK)];
  if ((sku ?? variantId ?? '').length > MAX_FIELD_LENGTH)
    return [new UserError([...path, sku ? 'sku' : 'variantId'], 'Too long', OrdersErrorCode.TOO_LONG)];
  return [];
}

export function codeErrors(codes: readonly string[], path: Path): UserError[] {
  if (codes.length > MAX_DISCOUNT_CODES)
    return [new UserError(path, `At most ${MAX_DISCOUNT_CODES} discount codes`, OrdersErrorCode.TOO_MANY)];
  return codes.flatMap((code, index) => {
    if (code.trim() === '') return [new UserError([...path, index], 'A discount code cannot be blank', OrdersErrorCode.BLANK)];
    if (code.length > MAX_CODE_LENGTH) {
      return [new UserError([...path, index], `A discount code has at most ${MAX_CODE_LENGTH} characters`, OrdersErrorCode.TOO_LONG)];
    }
    return [];
  });
}

export function noteErrors(note: string | null | undefined, path: Path): UserError[] {
  return note && note.length > MAX_NOTE_LENGTH
    ? [new UserError(path, `A note has at most ${MAX_NOTE_LENGTH} characters`, OrdersErrorCode.TOO_LONG)]
    : [];
}

export function countryErrors(countryCode: string | null | undefined, path: Path, required: boolean): UserError[] {
  if (countryCode === null || countryCode === undefined || countryCode.trim() === '') {
    return required ? [new UserError(path, 'A country is required', OrdersErrorCode.BLANK)] : [];
  }
  return COUNTRY.test(countryCode.trim().toUpperCase())
    ? []
    : [new UserError(path, 'A country is an ISO 3166-1 alpha-2 code, e.g. "DE"', OrdersErrorCode.INVALID)];
}

export function buyerErrors(buyer: { email?: string | null; phone?: string | null; countryCode?: string | null }, path: Path): UserError[] {
  const errors = countryErrors(buyer.countryCode, [...path, 'countryCode'], false);
  if (buyer.email && (buyer.email.length > MAX_FIELD_LENGTH || !EMAIL.test(buyer.email.trim()))) {
    errors.push(new UserError([...path, 'email'], 'Not an email address', OrdersErrorCode.INVALID));
  }
  if (buyer.phone && (buyer.phone.length > 32 || !/^\+?[0-9 ()-]{5,}$/.test(buyer.phone.trim()))) {
    errors.push(new UserError([...path, 'phone'], 'Not a phone number', OrdersErrorCode.INVALID));
  }
  return errors;
}

/** An address: text fields present where required and within length, coordinates on the globe. */
export function addressErrors(
  address: Record<string, string | { latitude: number; longitude: number } | null | undefined>,
  path: Path,
): UserError[] {
  const country = address.countryCode;
  const errors = countryErrors(typeof country === 'string' ? country : null, [...path, 'countryCode'], true);
  const at = address.coordinates;
  if (at && typeof at === 'object' && !(Math.abs(at.latitude) <= 90 && Math.abs(at.longitude) <= 180)) {
    errors.push(new UserError([...path, 'coordinates'], 'Latitude is -90 to 90 and longitude -180 to 180', OrdersErrorCode.INVALID));
  }
  for (const field of ['address1', 'city']) {
    const value = address[field];
    if (typeof value !== 'string' || !value.trim())
      errors.push(new UserError([...path, field], `${field} is required`, OrdersErrorCode.BLANK));
  }
  for (const [field, value] of Object.entries(address)) {
    if (typeof value === 'string' && value.length > MAX_FIELD_LENGTH)
      errors.push(new UserError([...path, field], 'Too long', OrdersErrorCode.TOO_LONG));
  }
  return errors;
}

/** Codes as stored: trimmed, upper-cased (codes match without regard to case), each once. */
export function normalizeCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => code.trim().toUpperCase()))];
}
