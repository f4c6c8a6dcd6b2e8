import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserError, UserErrorCode, UserErrorsException } from '../graphql/user-error';
import { sql } from './sql';

export const IDEMPOTENCY_KEY_MISMATCH = 'IDEMPOTENCY_KEY_MISMATCH';

/** The longest idempotency key a mutation takes: the (scope, key) indexes hold no more, and the inputs say so. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * A caller's idempotency key checked before anything runs: 1 to 200 characters, or the INVALID userError on
 * `idempotencyKey` that says so. A mutation whose key is optional takes none when it is left out or empty.
 */
export function idempotencyKeyErrors(key: string | null | undefined, options: { optional?: boolean } = {}): UserError[] {
  const refused = options.optional
    ? !!key && key.length > MAX_IDEMPOTENCY_KEY_LENGTH
    : !key?.trim() || key.length > MAX_IDEMPOTENCY_KEY_LENGTH;
  return refused
    ? [new UserError(['idempotencyKey'], `Send an idempotency key of 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, UserErrorCode.INVALID)]
    : [];
}

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
  const [claim] = await claimIdempotencyKeys<T>(em, schema, scope, [{ key, input }]);
  if (claim.state === 'mismatch') throw new UserErrorsException([claim.userError]);
  if (claim.state === 'replay') return { result: claim.result, replayed: true };
  const result = await work();
  await saveIdempotencyResults(em, schema, scope, [{ key, result }]);
  return { result, replayed: false };
}

/** What claiming a key found: it is ours to do the work under, done before with the same input, or used for another input. */
export type IdempotencyClaim<T> = { state: 'claimed' } | { state: 'replay'; result: T } | { state: 'mismatch'; userError: UserError };

/**
 * Claims many keys of one scope in one statement, for a batch whose items each run once per key
 * (`idempotent` is a batch of one); the keys must be distinct. Claimed in key order, so two
 * batches sharing keys wait on each other's commit instead of deadlocking, then replay. The caller
 * does the claimed items' work and saves their results in the same transaction.
 */
export async function claimIdempotencyKeys<T>(
  em: EntityManager,
  schema: string,
  scope: string,
  entries: readonly { key: string; input: unknown }[],
): Promise<IdempotencyClaim<T>[]> {
  if (entries.length === 0) return [];
  const hashes = entries.map((e) => requestHash(e.input));
  const claimed = new Set(
    (
      await sql<{ key: string }>(
        em,
        `insert into "${schema}"."idempotency_record" (scope, key, request_hash, created_at)
         select ?, k, h, now() from unnest(?::text[], ?::text[]) as t(k, h) order by k
         on conflict do nothing returning key`,
        [scope, entries.map((e) => e.key), hashes],
      )
    ).map((r) => r.key),
  );
  const taken = entries.filter((e) => !claimed.has(e.key)).map((e) => e.key);
  const existing = new Map(
    taken.length === 0
      ? []
      : (
          await sql<{ key: string; request_hash: string; result: T }>(
            em,
            `select key, request_hash, result from "${schema}"."idempotency_record" where scope = ? and key = any(?::text[])`,
            [scope, taken],
          )
        ).map((r) => [r.key, r]),
  );
  return entries.map(({ key }, i): IdempotencyClaim<T> => {
    if (claimed.has(key)) return { state: 'claimed' };
    const earlier = existing.get(key);
    if (earlier && earlier.request_hash === hashes[i]) return { state: 'replay', result: earlier.result };
    return {
      state: 'mismatch',
      userError: new UserError(
        ['idempotencyKey'],
        `Idempotency key "${key}" was already used for a different request`,
        IDEMPOTENCY_KEY_MISMATCH,
      ),
    };
  });
}

/** Stores the results of claimed keys' work, in one statement, in the transaction that claimed them. */
export async function saveIdempotencyResults(
  em: EntityManager,
  schema: string,
  scope: string,
  results: readonly { key: string; result: unknown }[],
): Promise<void> {
  if (results.length === 0) return;
  await sql(
    em,
    `update "${schema}"."idempotency_record" r set result = t.result
     from unnest(?::text[], ?::jsonb[]) as t(key, result) where r.scope = ? and r.key = t.key`,
    [results.map((r) => r.key), results.map((r) => JSON.stringify(r.result ?? null)), scope],
  );
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
