import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, runMutation, type MutationOutcome } from '#platform/db';
import { addressFields, UserError, UserErrorsException, validateInput, type AddressInput } from '#platform/graphql';
import { Limits } from '../constants';
import type { CustomersContext } from '../context';
import { CustomerAddress, type Customer } from '../entities';
import { CustomersErrorCode } from '../errors';
import { customerToChange, type Target } from './customer-access';
import { lockCustomer } from './customer-lock';

export interface AddressChange {
  address: CustomerAddress;
  customer: Customer;
}

/**
 * Saves an address for a customer (the signed-in one when `customerId` is left out). A
 * customer's first address becomes their default, as does one saved with `setAsDefault`.
 * At most ADDRESSES_PER_CUSTOMER each, counted under the customer's row lock so concurrent
 * saves cannot pass the cap together.
 */
export async function createAddress(
  ctx: CustomersContext,
  customerId: string | null | undefined,
  input: AddressInput,
  setAsDefault: boolean,
): Promise<MutationOutcome<AddressChange>> {
  const errors = await validateInput(input, ['input']);
  const target = await customerToChange(ctx, customerId, ['customerId']);
  if (!target.ok) errors.push(...target.userErrors);
  if (errors.length || !target.ok) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    const customer = await lockCustomer(tx.em, target.customer.id, ['customerId']);
    if ((await tx.em.count(CustomerAddress, { customerId: customer.id })) >= Limits.ADDRESSES_PER_CUSTOMER) {
      const message = `A customer keeps at most ${Limits.ADDRESSES_PER_CUSTOMER} addresses; delete one first`;
      throw new UserErrorsException([new UserError(['customerId'], message, CustomersErrorCode.TOO_MANY)]);
    }
    const address = Object.assign(new CustomerAddress(), { customerId: customer.id, ...addressFields(input) });
    tx.em.persist(address);
    // Flushed before it is named as the default: the default points at an existing row.
    await tx.em.flush();
    if (setAsDefault || !customer.defaultAddressId) customer.defaultAddressId = address.id;
    customer.updatedAt = new Date();
    await tx.em.flush();
    return { address, customer };
  });
}

/** Replaces an address's fields; `setAsDefault: true` makes it the default. */
export async function updateAddress(
  ctx: CustomersContext,
  id: string,
  input: AddressInput,
  setAsDefault: boolean,
): Promise<MutationOutcome<AddressChange>> {
  const errors = await validateInput(input, ['input']);
  const owner = await addressOwner(ctx, id);
  if (!owner.ok) errors.push(...owner.userErrors);
  if (errors.length || !owner.ok) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    const { customer, address } = await lockAddress(tx.em, owner.customer.id, id);
    Object.assign(address, addressFields(input), { updatedAt: new Date() });
    if (setAsDefault) customer.defaultAddressId = address.id;
    customer.updatedAt = new Date();
    await tx.em.flush();
    return { address, customer };
  });
}

/**
 * Deletes an address. Deleting the default passes it to the most recently saved of the
 * others, so a customer with addresses always has a default; none remain, none is default.
 */
export async function deleteAddress(
  ctx: CustomersContext,
  id: string,
): Promise<MutationOutcome<{ deletedAddressId: string; customer: Customer }>> {
  const owner = await addressOwner(ctx, id);
  if (!owner.ok) return owner;

  return runMutation(ctx, async (tx) => {
    const { customer, address } = await lockAddress(tx.em, owner.customer.id, id);
    if (customer.defaultAddressId === address.id) {
      const next = await tx.em.findOne(
        CustomerAddress,
        { customerId: customer.id, id: { $ne: address.id } },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      );
      customer.defaultAddressId = next?.id ?? null;
    }
    customer.updatedAt = new Date();
    // The default moves first: the row it pointed at is then free to go.
    await tx.em.flush();
    tx.em.remove(address);
    await tx.em.flush();
    return { deletedAddressId: id, customer };
  });
}

const addressNotFound = () => new UserError(['id'], 'No such address', CustomersErrorCode.NOT_FOUND);

/** The customer an address belongs to, if the caller may change it. */
async function addressOwner(ctx: CustomersContext, id: string): Promise<Target> {
  const address = isUuid(id) ? await ctx.em.findOne(CustomerAddress, id) : null;
  if (!address) return { ok: false, userErrors: [addressNotFound()] };
  return customerToChange(ctx, address.customerId, ['id']);
}

/** Locks the owner and reads the address afresh; it may have been deleted or moved meanwhile. */
async function lockAddress(em: EntityManager, customerId: string, id: string): Promise<{ customer: Customer; address: CustomerAddress }> {
  const customer = await lockCustomer(em, customerId, ['id']);
  const address = await em.findOne(CustomerAddress, { id, customerId: customer.id }, { refresh: true });
  if (!address) throw new UserErrorsException([addressNotFound()]);
  return { customer, address };
}
