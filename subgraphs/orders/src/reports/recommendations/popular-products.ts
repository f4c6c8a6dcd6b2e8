/**
 * What recommendations fall back on: the best sellers of the last POPULAR_DAYS on every channel
 * (what sells in the shops is worth showing online; the caller keeps only what its channel
 * sells), net of cancellations and returns, in some categories (a product's own category). The
 * same lists serve every shopper, so each is read at most once per POPULAR_TTL_MS per process and
 * shared (PopularCache, built once by setup); a list a minute old is as good a fallback as a fresh one.
 */
import { sql } from '#platform/db';
import { SCHEMA } from '../../constants';
import type { OrdersContext } from '../../context';

export const POPULAR_DAYS = 30;
export const POPULAR_TTL_MS = 60_000;
/** Products kept per list: enough for any page after the basket and the unsellable are dropped. */
const POPULAR_LIMIT = 200;
const MAX_LISTS = 500;

/** Lists by categories, with when they were read; the oldest go first past MAX_LISTS. */
export type PopularCache = Map<string, { readAt: number; ids: Promise<string[]> }>;

export function createPopularCache(): PopularCache {
  return new Map();
}

/** Best sellers of the last POPULAR_DAYS in these own categories (null: the whole shop), best first (product ids). */
export function popularProducts(ctx: OrdersContext, inCategories: readonly string[] | null): Promise<string[]> {
  const categories = inCategories ? [...new Set(inCategories)].sort() : null;
  const key = categories?.join(',') ?? '*';
  const now = Date.now();
  const cached = ctx.popular.get(key);
  if (cached && now - cached.readAt < POPULAR_TTL_MS) return cached.ids;
  const ids = readPopular(ctx, categories);
  // A failed read is not kept: the next request tries again.
  ids.catch(() => ctx.popular.delete(key));
  ctx.popular.delete(key);
  ctx.popular.set(key, { readAt: now, ids });
  if (ctx.popular.size > MAX_LISTS) ctx.popular.delete(ctx.popular.keys().next().value!);
  return ids;
}

async function readPopular(ctx: OrdersContext, categories: string[] | null): Promise<string[]> {
  const where = [`occurred_at >= now() - make_interval(days => ?)`, 'product_id is not null'];
  const params: unknown[] = [POPULAR_DAYS];
  if (categories) {
    where.push('category_id = any(?)');
    params.push(categories);
  }
  const rows = await sql<{ product_id: string }>(
    ctx.em,
    `select product_id from "${SCHEMA}"."sales_ledger_row" where ${where.join(' and ')}
      group by product_id having sum(quantity) > 0
      order by sum(quantity) desc, count(distinct order_id) desc, product_id limit ?`,
    [...params, POPULAR_LIMIT],
  );
  return rows.map((row) => row.product_id);
}
