import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserError, UserErrorsException } from '../graphql/user-error';

export type MutationOutcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

/**
 * Runs a mutation as one transaction. Expected failures (UserErrorsException, or a unique
 * constraint lost to a concurrent writer) roll everything back and come out as user errors;
 * anything else propagates as an unexpected error.
 *
 * The transaction runs on a fork with an empty identity map. A transaction on the request's own
 * EntityManager would share its entity instances, so an entity a refused mutation had changed
 * would stay changed there, and the next mutation of the same request would write it.
 */
export async function runMutation<T>(
  em: EntityManager,
  work: (tx: EntityManager) => Promise<T>,
  onUniqueViolation?: (constraint: string) => UserError | undefined,
): Promise<MutationOutcome<T>> {
  try {
    return { ok: true, value: await em.fork().transactional(work) };
  } catch (error) {
    if (error instanceof UserErrorsException) return { ok: false, userErrors: error.userErrors };
    if (error instanceof UniqueConstraintViolationException && onUniqueViolation) {
      const constraint = (error as { constraint?: string }).constraint ?? '';
      const userError = onUniqueViolation(constraint);
      if (userError) return { ok: false, userErrors: [userError] };
    }
    throw error;
  }
}
