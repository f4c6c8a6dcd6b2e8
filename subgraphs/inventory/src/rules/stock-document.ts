import { randomBytes } from 'node:crypto';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { InventoryErrorCode } from '../errors';

/**
 * Rules shared by the two documents that move stock in bulk, transfers and purchase orders:
 * their numbers, their line lists and their status changes.
 */

/** Lines one transfer or purchase order may hold, like a page of any list. */
export const MAX_DOCUMENT_LINES = 250;

/** Base32 without 0, 1, I and O, which are misread on paper and over the phone. */
const NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A fresh human number such as "TR-7KQ2MX"; uniqueness is checked against the stored ones. */
export function documentNumber(prefix: string): string {
  return `${prefix}-${[...randomBytes(6)].map((b) => NUMBER_ALPHABET[b & 31]).join('')}`;
}

/** Answers the rare race for the same number: nothing was written, and a retry will succeed. */
export function numberTaken(constraint: string): UserError | undefined {
  return constraint.endsWith('_number_unique')
    ? new UserError(
        null,
        'Another document took the same number at the same moment; nothing was changed, try again',
        InventoryErrorCode.TAKEN,
      )
    : undefined;
}

export interface LineLike {
  sku: string;
  quantity: number;
}

/**
 * Checks a list of `{ sku, quantity }` lines given as an argument: not empty, at most
 * MAX_DOCUMENT_LINES, each line's own rules, and each SKU once.
 */
export async function validateLines(lines: readonly LineLike[], path: readonly string[]): Promise<UserError[]> {
  if (lines.length === 0) return [new UserError(path, 'Give at least one line', InventoryErrorCode.BLANK)];
  if (lines.length > MAX_DOCUMENT_LINES) {
    return [new UserError(path, `At most ${MAX_DOCUMENT_LINES} lines, got ${lines.length}`, InventoryErrorCode.TOO_MANY)];
  }
  const errors = (await Promise.all(lines.map((line, i) => validateInput(line as object, [...path, String(i)])))).flat();
  return [...errors, ...duplicateSkus(lines, path)];
}

/** Each SKU may appear on one line only; later repeats are reported. */
export function duplicateSkus(lines: readonly { sku: string }[], path: readonly string[]): UserError[] {
  const seen = new Set<string>();
  return lines.flatMap((line, i) => {
    const repeated = seen.has(line.sku);
    seen.add(line.sku);
    return repeated
      ? [new UserError([...path, String(i), 'sku'], `${line.sku} is on more than one line; list each SKU once`, InventoryErrorCode.TAKEN)]
      : [];
  });
}

/** Refuses an action the document's current status does not allow. */
export function assertStatus<S extends string>(status: S, allowed: readonly S[], action: string, label: string): void {
  if (allowed.includes(status)) return;
  const need = allowed.map((s) => s.toLowerCase().replace(/_/g, ' ')).join(' or ');
  throw new UserErrorsException([
    new UserError(
      ['id'],
      `The ${label} is ${status.toLowerCase().replace(/_/g, ' ')}; only a ${need} ${label} can be ${action}`,
      InventoryErrorCode.INVALID_STATUS,
    ),
  ]);
}
