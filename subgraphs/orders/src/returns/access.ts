/** Who is asking about returns and refunds, and whose keys they use. */
import { isStaff, Role, type Viewer } from '#platform/auth';
import { UserError, UserErrorsException } from '#platform/graphql';
import { IDEMPOTENCY_KEY_MISMATCH } from '#platform/db';

export type ReturnCaller = { kind: 'staff' } | { kind: 'customer'; customerId: string };

/** Staff, or a signed-in customer; anyone else finds no order. */
export function callerOf(viewer: Viewer): ReturnCaller | null {
  if (isStaff(viewer)) return { kind: 'staff' };
  if (viewer.role === Role.CUSTOMER && viewer.subject) return { kind: 'customer', customerId: viewer.subject };
  return null;
}

export const refuse = (field: string[] | null, message: string, code: string): never => {
  throw new UserErrorsException([new UserError(field, message, code)]);
};

const mismatchOf = (key: string) =>
  new UserError(['idempotencyKey'], `Idempotency key "${key}" was already used for a different request`, IDEMPOTENCY_KEY_MISMATCH);

export const keyMismatch = (key: string): never => {
  throw new UserErrorsException([mismatchOf(key)]);
};

/**
 * For runMutation: the caller's key taken by a concurrent request for another order (each held its own order's lock, so
 * neither saw the other's row before inserting). The hash names the order, so the two requests differ: a mismatch.
 */
export const keyTakenMeanwhile = (constraint: string, key: string) => (violated: string) =>
  violated === constraint ? mismatchOf(key) : undefined;
