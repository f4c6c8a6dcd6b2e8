import { LockMode } from '@mikro-orm/core';
import { canAccessCustomer, type Viewer } from '#platform/auth';
import { UserError, UserErrorsException } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { Cart, CART_ID_PATTERN, CartStatus } from '../entities';
import { OrdersErrorCode } from '../errors';

/**
 * A guest's cart is held by its id alone; a cart with a customer is that customer's and staff's.
 * Anyone else is told the same as for an id that names nothing, so ids cannot be probed.
 */
export function canUseCart(viewer: Viewer, cart: Pick<Cart, 'customerId'>): boolean {
  return cart.customerId === null || canAccessCustomer(viewer, cart.customerId);
}

/** The cart, if the caller may see it; null for an unknown id and for another customer's cart. */
export async function findCart(ctx: OrdersContext, id: string): Promise<Cart | null> {
  if (!CART_ID_PATTERN.test(id)) return null;
  const cart = await ctx.loaders.cartById.load(id);
  return cart && canUseCart(ctx.viewer, cart) ? cart : null;
}

export function cartNotFound(field: readonly string[] = ['cartId']): UserErrorsException {
  return new UserErrorsException([new UserError(field, 'No cart has this id', OrdersErrorCode.CART_NOT_FOUND)]);
}

/**
 * Inside a transaction: the cart locked for change, refused when the caller may not see it or it
 * is no longer open. Carts are locked one at a time or in id order, so merges cannot deadlock.
 */
export async function lockOpenCart(tx: OrdersContext, id: string, field: readonly string[] = ['cartId']): Promise<Cart> {
  if (!CART_ID_PATTERN.test(id)) throw cartNotFound(field);
  const cart = await tx.em.findOne(Cart, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!cart || !canUseCart(tx.viewer, cart)) throw cartNotFound(field);
  if (cart.status !== CartStatus.OPEN) {
    const why = cart.status === CartStatus.MERGED ? 'was merged into the customer’s cart' : 'was ordered';
    throw new UserErrorsException([new UserError(field, `This cart ${why}; it cannot change`, OrdersErrorCode.CART_CLOSED)]);
  }
  return cart;
}

/** Marks a change: a new version (what pricing is memoised by) and a fresh abandonment clock. */
export function touch(cart: Cart): void {
  cart.version += 1;
  cart.updatedAt = new Date();
  cart.recoverySentAt = null;
}
