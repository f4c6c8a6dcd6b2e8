import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { type UserError, UserErrorsException } from '../graphql/user-error';
import type { RequestContext } from '../server/request-context';

export type MutationOutcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

export interface MutationOptions {
  /** Turns a unique constraint lost to a concurrent writer into the user error it means. */
  onUniqueViolation?: (constraint: string) => UserError | undefined;
}

/**
 * Runs a mutation as one transaction on one connection, and hands `work` a context bound to
 * that transaction alone: its EntityManager and DataLoaders are the transaction's, so a service
 * cannot read through the request's other fork by mistake, and `inTransaction` is set, so the
 * internal-call client refuses to wait on another subgraph while the transaction holds locks.
 * Checks that need another subgraph run before this, on the request's context.
 *
 * The transaction runs on a fresh fork (an empty identity map): entities a refused mutation had
 * changed cannot be written by a later mutation of the same request. The request's deadline is
 * checked before the commit, so work that outlived it rolls back instead of committing after
 * its caller was told it failed.
 *
 * Expected failures (UserErrorsException, or a unique constraint lost to a concurrent writer)
 * roll everything back and come out as user errors; anything else propagates.
 */
export async function runMutation<C extends RequestContext, T>(
  ctx: C,
  work: (tx: C) => Promise<T>,
  options: MutationOptions = {},
): Promise<MutationOutcome<T>> {
  if (ctx.inTransaction) throw new Error('runMutation called inside a transaction: a mutation is one transaction');
  ctx.deadline.check();
  try {
    const value = await ctx.em.fork().transactional(async (em) => {
      const result = await work(ctx.rebind(em, true) as C);
      ctx.deadline.check();
      return result;
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof UserErrorsException) return { ok: false, userErrors: error.userErrors };
    if (error instanceof UniqueConstraintViolationException && options.onUniqueViolation) {
      const constraint = (error as { constraint?: string }).constraint ?? '';
      const userError = options.onUniqueViolation(constraint);
      if (userError) return { ok: false, userErrors: [userError] };
    }
    throw error;
  }
}
