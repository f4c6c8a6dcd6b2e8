/**
 * A cart's recommendations: its lines' products (in line order) as the basket, their own
 * categories to fall back on, from the catalog rows the cart's pricing reads anyway.
 */
import type { OrdersContext } from '../context';
import type { Cart } from '../entities';
import { recommendForBasket } from '../reports';
import { catalogFor, readCartContents } from './cart-pricing.service';

/** What to add to a cart: bought with what it holds, else best sellers of its products' categories, on its channel. */
export async function recommendForCart(ctx: OrdersContext, cart: Cart, first: number | null | undefined): Promise<{ id: string }[]> {
  const { lines } = await readCartContents(ctx, cart.id);
  const catalog = await catalogFor(
    ctx,
    lines.map((line) => line.sku),
    cart.channel,
  );
  const rows = lines.map((line) => catalog.get(line.sku)).filter((row) => row !== undefined);
  return recommendForBasket(ctx, {
    basket: rows.map((row) => row.productId),
    categories: rows.map((row) => row.categoryIds[0]).filter((id) => id !== undefined),
    channel: cart.channel,
    first,
  });
}
