import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UserError, UserErrorsException } from '#platform/graphql';
import { Customer } from '../entities';
import { erased } from './customer-access';
import { CustomersErrorCode } from '../errors';

/**
 * Locks a customer's row for the rest of the transaction and reads it afresh, so changes to
 * one customer (addresses under their cap, a merge, an erasure) happen one at a time. `share`
 * lets additions that need no exclusivity (timeline events) run side by side while still
 * waiting for a merge or erasure. A customer erased or merged away meanwhile is refused on `field`.
 */
export async function lockCustomer(
  em: EntityManager,
  id: string,
  field: readonly string[],
  mode: 'update' | 'share' = 'update',
): Promise<Customer> {
  const lockMode = mode === 'update' ? LockMode.PESSIMISTIC_WRITE : LockMode.PESSIMISTIC_READ;
  const customer = await em.findOneOrFail(Customer, id, { lockMode, refresh: true });
  if (customer.erasedAt) throw new UserErrorsException([erased(field)]);
  if (customer.mergedIntoId) {
    throw new UserErrorsException([
      new UserError(field, 'This customer was just merged into another; try again', CustomersErrorCode.ALREADY_MERGED),
    ]);
  }
  return customer;
}
