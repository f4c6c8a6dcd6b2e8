import { isUuid } from '#platform/db';
import type { CustomersContext } from '../context';
import type { Customer, CustomerAddress, CustomerIdentity } from '../entities';

/**
 * A customer by id, followed through a merge: a merged-away id answers with the customer it
 * went into. One hop suffices because merging flattens chains.
 */
export async function findCustomer(ctx: CustomersContext, id: string): Promise<Customer | null> {
  if (!isUuid(id)) return null;
  const customer = await ctx.loaders.customerById.load(id);
  return customer?.mergedIntoId ? ctx.loaders.customerById.load(customer.mergedIntoId) : customer;
}

export const ERASED_DISPLAY_NAME = 'Erased customer';

/** "Ada Lovelace", else the email, else "Customer": never empty on a receipt or a screen. */
export function displayName(customer: Customer): string {
  if (customer.erasedAt) return ERASED_DISPLAY_NAME;
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ').trim();
  return name || customer.email || 'Customer';
}

/** A customer's saved addresses, oldest first; batched across customers. */
export function customerAddresses(ctx: CustomersContext, customer: Customer): Promise<CustomerAddress[]> {
  return ctx.loaders.addressesByCustomer.load(customer.id);
}

/** The address used when none is chosen; one of the customer's own. */
export async function customerDefaultAddress(ctx: CustomersContext, customer: Customer): Promise<CustomerAddress | null> {
  if (!customer.defaultAddressId) return null;
  return (await customerAddresses(ctx, customer)).find((address) => address.id === customer.defaultAddressId) ?? null;
}

/** The channels a customer was seen on, first seen first; batched across customers. */
export function customerIdentities(ctx: CustomersContext, customer: Customer): Promise<CustomerIdentity[]> {
  return ctx.loaders.identitiesByCustomer.load(customer.id);
}
