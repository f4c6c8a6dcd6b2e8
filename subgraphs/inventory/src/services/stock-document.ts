import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '#platform/db';
import { keysetAfter, rowsAfter, UserError, UserErrorCode, UserErrorsException, validateInput, type PageRequest } from '#platform/graphql';

/**
 * Rules shared by the two documents that move stock in bulk, transfers and purchase orders:
 * their numbers, their line lists, their status checks and their newest-first lists.
 */
export const DocumentErrorCode = {
  SAME_LOCATION: 'SAME_LOCATION',
  INVALID_STATUS: 'INVALID_STATUS',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  OVER_RECEIPT: 'OVER_RECEIPT',
} as const;

/** Lines one transfer or purchase order may hold, like a page of any list. */
export const MAX_DOCUMENT_LINES = 250;

/** Base32 without 0, 1, I and O, which are misread on paper and over the phone. */
const NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A fresh human number such as "TR-7KQ2MX"; uniqueness is checked by `freeNumber`. */
export function documentNumber(prefix: string): string {
  return `${prefix}-${[...randomBytes(6)].map((b) => NUMBER_ALPHABET[b & 31]).join('')}`;
}

type Numbered = { number: string };

/** A number no stored document has; a concurrent twin is caught by the unique constraint. */
export async function freeNumber<T extends Numbered>(em: EntityManager, entity: new () => T, prefix: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const candidate = documentNumber(prefix);
    if ((await em.count(entity, { number: candidate } as never)) === 0) return candidate;
  }
  throw new Error(`No free ${prefix} number after 5 attempts`);
}

/** Answers the rare race for the same number: nothing was written, and a retry will succeed. */
export function numberTaken(constraint: string): UserError | undefined {
  return constraint.endsWith('_number_unique')
    ? new UserError(null, 'Another document took the same number at the same moment; nothing was changed, try again', UserErrorCode.TAKEN)
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
  if (lines.length === 0) return [new UserError(path, 'Give at least one line', UserErrorCode.BLANK)];
  if (lines.length > MAX_DOCUMENT_LINES) {
    return [new UserError(path, `At most ${MAX_DOCUMENT_LINES} lines, got ${lines.length}`, UserErrorCode.TOO_MANY)];
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
      ? [new UserError([...path, String(i), 'sku'], `${line.sku} is on more than one line; list each SKU once`, UserErrorCode.TAKEN)]
      : [];
  });
}

/** Loads a document for update, so concurrent status changes of it run one after another. */
export async function lockDocument<T extends { status: string }>(
  em: EntityManager,
  entity: new () => T,
  id: string,
  label: string,
): Promise<T> {
  const document = isUuid(id) ? await em.findOne(entity, { id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
  if (!document) throw new UserErrorsException([new UserError(['id'], `No ${label} with id "${id}"`, UserErrorCode.NOT_FOUND)]);
  return document as T;
}

/** Refuses an action the document's current status does not allow. */
export function assertStatus<S extends string>(status: S, allowed: readonly S[], action: string, label: string): void {
  if (allowed.includes(status)) return;
  const need = allowed.map((s) => s.toLowerCase().replace(/_/g, ' ')).join(' or ');
  throw new UserErrorsException([
    new UserError(
      ['id'],
      `The ${label} is ${status.toLowerCase().replace(/_/g, ' ')}; only a ${need} ${label} can be ${action}`,
      DocumentErrorCode.INVALID_STATUS,
    ),
  ]);
}

/** Where-clause of a newest-first page: rows older than the cursor's (createdAt, id). */
export function olderThanCursor(page: PageRequest): Record<string, unknown> {
  return rowsAfter(keysetAfter(page, ['date', 'uuid']), 'createdAt', 'desc');
}

/** The cursor of a row in a newest-first list. */
export const newestFirstCursor = (row: { createdAt: Date; id: string }): unknown[] => [row.createdAt.toISOString(), row.id];
