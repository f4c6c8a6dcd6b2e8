import { LockMode } from '@mikro-orm/core';
import type { OrdersContext } from '../context';
import { Cart, CartDiscountCode, CartLine, CartStatus } from '../entities';
import { addLines, setCodes } from './cart-lines';
import { touch } from './cart-access';

/** The customer's OPEN cart, locked; null when they have none. */
export async function lockActiveCart(tx: OrdersContext, customerId: string): Promise<Cart | null> {
  return tx.em.findOne(Cart, { customerId, status: CartStatus.OPEN }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

/**
 * Folds `source` (a guest's cart) into `target` (the customer's): quantities added and held at
 * 999, codes united, contact details and delivery kept where the target has none, and the target
 * moved to the source's channel, where the shopper is now. The source is closed, pointing at the
 * target. Prices are not copied: the target is priced afresh when read.
 */
export async function mergeCarts(tx: OrdersContext, source: Cart, target: Cart): Promise<void> {
  const [lines, codes] = await Promise.all([
    tx.em.find(CartLine, { cartId: source.id }),
    tx.em.find(CartDiscountCode, { cartId: source.id }),
  ]);
  await addLines(
    tx,
    target,
    lines.map((line) => ({ sku: line.sku, quantity: line.quantity, priceAtAddMinor: line.priceAtAddMinor ?? 0 })),
    ['cartId'],
    true,
  );
  await setCodes(
    tx,
    target,
    codes.map((row) => row.code),
    true,
  );
  target.channel = source.channel;
  target.email ??= source.email;
  target.phone ??= source.phone;
  target.countryCode ??= source.countryCode;
  target.note ??= source.note;
  if (!target.deliveryMethod && source.deliveryMethod) {
    target.deliveryMethod = source.deliveryMethod;
    target.shippingRateId = source.shippingRateId;
    target.pickupLocationId = source.pickupLocationId;
    target.pickupStore = source.pickupStore;
    target.shippingAddress = source.shippingAddress;
  }
  source.status = CartStatus.MERGED;
  source.mergedIntoId = target.id;
  touch(source);
  touch(target);
}
