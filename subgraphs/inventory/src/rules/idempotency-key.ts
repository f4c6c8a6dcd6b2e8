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
