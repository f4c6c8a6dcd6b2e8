import { canAccessCustomer } from '#platform/auth';
import { isUuid } from '#platform/db';
import type { OrdersContext } from '../context';
import type { Cart } from '../entities';

/** The customer's OPEN cart, for the customer and staff only. */
export async function activeCartOf(ctx: OrdersContext, customerId: string): Promise<Cart | null> {
  if (!isUuid(customerId) || !canAccessCustomer(ctx.viewer, customerId)) return null;
  return ctx.loaders.openCartByCustomer.load(customerId);
}
