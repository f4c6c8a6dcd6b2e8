import { isUuid } from '../../../platform/src';
import type { CustomersContext } from '../context';
import type { Customer } from '../entities';

export function findCustomer(ctx: CustomersContext, id: string): Promise<Customer | null> {
  return isUuid(id) ? ctx.loaders.customerById.load(id) : Promise.resolve(null);
}

/** "Ada Lovelace", else the email, else "Customer": never empty on a receipt or a screen. */
export function displayName(customer: Customer): string {
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ').trim();
  return name || customer.email || 'Customer';
}
