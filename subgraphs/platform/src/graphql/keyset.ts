import { isUuid } from '../db/entity-loader';
import type { PageRequest } from './connection';
import { badUserInput } from '../runtime/errors';

/** What each value of a cursor must be: plain text, a uuid or a bigint id (the tie-breaker), or an ISO date. */
export type KeyKind = 'text' | 'uuid' | 'bigint' | 'date';
type KeyValue<K extends KeyKind> = K extends 'date' ? Date : string;
export type Keyset<K extends readonly KeyKind[]> = { -readonly [I in keyof K]: KeyValue<K[I]> };

/**
 * The `after` cursor of a keyset-paged list, checked against the shape the list writes: a
 * cursor of another list, or one tampered with, is a BAD_USER_INPUT, never a SQL error.
 */
export function keysetAfter<const K extends readonly KeyKind[]>(page: PageRequest, kinds: K): Keyset<K> | null {
  if (!page.after) return null;
  const values = page.after;
  const valid = values.length === kinds.length && kinds.every((kind, i) => fits(kind, values[i]));
  if (!valid) throw badUserInput('"after" is not a cursor of this list', 'after');
  return values.map((value, i) => (kinds[i] === 'date' ? new Date(value as string) : value)) as Keyset<K>;
}

function fits(kind: KeyKind, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (kind === 'uuid') return isUuid(value);
  if (kind === 'bigint') return /^\d{1,18}$/.test(value);
  if (kind === 'date') {
    const time = new Date(value).getTime();
    return time >= FIRST_DATE && time <= LAST_DATE;
  }
  // PostgreSQL text cannot hold a NUL.
  return !value.includes('\u0000');
}

/** Dates a cursor may carry: years 1 to 9999, which every row's timestamp is and the driver writes as PostgreSQL reads them. */
const FIRST_DATE = Date.parse('0001-01-01T00:00:00.000Z');
const LAST_DATE = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * A MikroORM filter for the rows after (sort value, id) in a list ordered by `field` then `id`,
 * both ascending or both descending; empty on the first page.
 */
export function rowsAfter(after: readonly [unknown, string] | null, field: string, direction: 'asc' | 'desc'): Record<string, unknown> {
  if (!after) return {};
  const [value, id] = after;
  const beyond = direction === 'asc' ? '$gt' : '$lt';
  return { $or: [{ [field]: { [beyond]: value } }, { [field]: value, id: { [beyond]: id } }] };
}
