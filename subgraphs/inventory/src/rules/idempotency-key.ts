import type { Viewer } from '#platform/auth';
import { UserError } from '#platform/graphql';
import { InventoryErrorCode } from '../errors';

/** The longest idempotency key a mutation takes, as the inputs that carry one say; a longer one cannot be indexed. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Refuses an idempotency key given as an argument that is longer than MAX_IDEMPOTENCY_KEY_LENGTH; no key is fine. */
export function idempotencyKeyErrors(key: string | null | undefined): UserError[] {
  return key && key.length > MAX_IDEMPOTENCY_KEY_LENGTH
    ? [
        new UserError(
          ['idempotencyKey'],
          `An idempotency key has at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, got ${key.length}`,
          InventoryErrorCode.INVALID,
        ),
      ]
    : [];
}

/**
 * The idempotency scope of a staff mutation for one caller: keys are the caller's own (as orders
 * scopes checkout keys), so another store's or colleague's equal key neither replays their
 * change to this caller nor refuses this caller's change as IDEMPOTENCY_KEY_MISMATCH.
 */
export function callerScope(viewer: Pick<Viewer, 'role' | 'subject'>, mutation: string): string {
  return `${mutation}:${viewer.role.toLowerCase()}:${viewer.subject ?? ''}`;
}
