/**
 * Recommendations for a basket: a customer's purchases or a cart. First the products most often
 * bought with any product of the basket, scored by the sum of their lift against each (the same
 * together(A, B) / orders(B) as frequently-bought.ts, so a best seller does not top every list),
 * with the same minimum support; then, when that gives too few, the best sellers of the basket's
 * categories, then of the whole shop. Never what the basket holds; only what is for sale and in
 * stock (sellable-products.ts). A constant number of statements and calls per list.
 */
import { sql } from '#platform/db';
import type { SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../../constants';
import type { OrdersContext } from '../../context';
import { MIN_SUPPORT } from './frequently-bought';
import { popularProducts } from './popular-products';
import { sellableProducts } from './sellable-products';

export const DEFAULT_RECOMMENDATIONS = 5;
export const MAX_RECOMMENDATIONS = 50;
/** A basket larger than this is cut to its first products (callers pass the most recent first). */
export const MAX_BASKET = 50;

export interface BasketQuery {
  /** Product ids, most telling first (a customer's most recent purchases; a cart's lines). */
  basket: readonly string[];
  /** Products never to recommend besides the basket's own (what a customer already has). */
  exclude?: readonly string[];
  /** Category ids to fall back on, favourite first. */
  categories: readonly string[];
  channel: SalesChannel | null;
  first: number | null | undefined;
}

/** At most `first` products to show with this basket, best first. */
export async function recommendForBasket(ctx: OrdersContext, query: BasketQuery): Promise<{ id: string }[]> {
  const wanted = Math.min(Math.max(query.first ?? DEFAULT_RECOMMENDATIONS, 0), MAX_RECOMMENDATIONS);
  if (wanted === 0) return [];
  const basket = [...new Set(query.basket)].slice(0, MAX_BASKET);
  const held = new Set([...query.basket, ...(query.exclude ?? [])]);
  // Room for what the catalog and stock checks drop.
  const candidates = 3 * wanted;
  const partners = basket.length > 0 ? await basketPartners(ctx, basket, [...held], candidates) : [];
  const ranked = [...partners];
  if (ranked.length < candidates) {
    const [inCategories, overall] = await Promise.all([
      query.categories.length > 0 ? popularProducts(ctx, query.categories) : [],
      popularProducts(ctx, null),
    ]);
    ranked.push(...inCategories, ...overall);
  }
  const unique = [...new Set(ranked)].filter((id) => !held.has(id)).slice(0, candidates);
  const sellable = await sellableProducts(ctx, unique, query.channel);
  return unique
    .filter((id) => sellable.has(id))
    .slice(0, wanted)
    .map((id) => ({ id }));
}

/** The basket's partners by summed lift, best first; one statement over the pair counts. */
async function basketPartners(ctx: OrdersContext, basket: readonly string[], exclude: readonly string[], limit: number): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    ctx.em,
    `select p.other_product_id as id
       from "${SCHEMA}"."product_pair_count" p
       join "${SCHEMA}"."product_order_count" c on c.product_id = p.other_product_id
      where p.product_id = any(?) and p.orders >= ? and not (p.other_product_id = any(?))
      group by p.other_product_id
      order by sum(p.orders::float8 / greatest(c.orders, 1)) desc, sum(p.orders) desc, p.other_product_id
      limit ?`,
    [[...basket], MIN_SUPPORT, [...exclude], limit],
  );
  return rows.map((row) => row.id);
}
