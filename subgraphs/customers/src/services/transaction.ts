import type { EntityManager } from '@mikro-orm/postgresql';
import { runMutation, type MutationOutcome, type UserError } from '../../../platform/src';
import type { CustomersContext } from '../context';

/**
 * Runs a mutation as one transaction (see runMutation) on an EntityManager of its own. A
 * transaction started on the request's EntityManager shares its entity instances, so an entity
 * a failed mutation changed before rolling back would stay changed there, and the next mutation
 * of the same request would write it. A fork with an empty identity map keeps a failure contained.
 */
export function inTransaction<T>(
  ctx: CustomersContext,
  work: (em: EntityManager) => Promise<T>,
  onUniqueViolation?: (constraint: string) => UserError | undefined,
): Promise<MutationOutcome<T>> {
  return runMutation(ctx.em.fork(), work, onUniqueViolation);
}
