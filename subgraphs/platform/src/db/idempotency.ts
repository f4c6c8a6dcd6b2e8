import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserError, UserErrorsException } from '../graphql/user-error';
import { sql } from './sql';

export const IDEMPOTENCY_KEY_MISMATCH = 'IDEMPOTENCY_KEY_MISMATCH';

/** A stable hash of a request: same fields, same values, in any key order. */
export function requestHash(input: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(input) ?? null))
    .digest('hex');
}

/**
 * Runs `work` once per (scope, key), inside the caller's transaction. The key row is claimed
 * first: a concurrent retry with the same key waits on it and then replays the stored result
 * instead of doing the work twice. The same key with a different input is refused.
 */
export async function idempotent<T>(
  em: EntityManager,
  schema: string,
  scope: string,
  key: string | null | undefined,
  input: unknown,
  work: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (!key) return { result: await work(), replayed: false };
  const hash = requestHash(input);
  const claimed = await sql(
    em,
    `insert into "${schema}"."idempotency_record" (scope, key, request_hash, created_at) values (?, ?, ?, now())
     on conflict do nothing returning key`,
    [scope, key, hash],
  );
  if (claimed.length === 0) {
    const [existing] = await sql<{ request_hash: string; result: T }>(
      em,
      `select request_hash, result from "${schema}"."idempotency_record" where scope = ? and key = ?`,
      [scope, key],
    );
    if (existing.request_hash !== hash) {
      throw new UserErrorsException([
        new UserError(['idempotencyKey'], `Idempotency key "${key}" was already used for a different request`, IDEMPOTENCY_KEY_MISMATCH),
      ]);
    }
    return { result: existing.result, replayed: true };
  }
  const result = await work();
  await sql(em, `update "${schema}"."idempotency_record" set result = ?::jsonb where scope = ? and key = ?`, [
    JSON.stringify(result ?? null),
    scope,
    key,
  ]);
  return { result, replayed: false };
}

/** How long a key is remembered: far longer than any client retries, short enough to keep the table small. */
export const IDEMPOTENCY_RETENTION_DAYS = 7;

/** Forgets keys older than the retention, a batch at a time; returns how many were deleted. */
export async function pruneIdempotencyRecords(
  em: EntityManager,
  schema: string,
  olderThanDays = IDEMPOTENCY_RETENTION_DAYS,
  batch = 1_000,
): Promise<number> {
  const deleted = await sql<{ key: string }>(
    em,
    `delete from "${schema}"."idempotency_record" where ctid in (
       select ctid from "${schema}"."idempotency_record" where created_at < now() - make_interval(days => ?) limit ?)
     returning key`,
    [olderThanDays, batch],
  );
  return deleted.length;
}
