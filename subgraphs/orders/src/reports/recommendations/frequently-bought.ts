/**
 * Frequently bought together: a product's partners by lift, from the pair counts. For product A,
 * lift(A, B) = P(A and B) / (P(A) · P(B)) = together(A, B) · N / (orders(A) · orders(B)); N and
 * orders(A) are the same for every B, so ranking by together(A, B) / orders(B) is ranking by lift.
 * A best seller is in many orders, which divides its score, so it does not top every list; a
 * minimum support (pairs seen in at least MIN_SUPPORT orders) keeps one-off coincidences out.
 * Partners the catalog does not sell or that nobody has in stock are dropped after the read
 * (sellable-products.ts).
 */
import DataLoader from 'dataloader';
import { sql } from '#platform/db';
import type { SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../../constants';
import type { OrdersContext } from '../../context';
import { sellableProducts } from './sellable-products';

/** Orders a pair must have been bought together in before it is recommended. */
export const MIN_SUPPORT = 2;
const DEFAULT_FIRST = 5;
const MAX_FIRST = 50;
/** Candidates read per product: room for what the catalog and stock checks drop. */
const CANDIDATES = 3 * MAX_FIRST;

interface Candidate {
  product_id: string;
  other_product_id: string;
}

const loaders = new WeakMap<OrdersContext, Map<string, DataLoader<string, string[]>>>();

/** The products most often bought with `productId`, by lift, at most `first`. */
export function frequentlyBoughtTogether(
  ctx: OrdersContext,
  productId: string,
  first: number | null | undefined,
  channel: SalesChannel | null | undefined,
): Promise<{ id: string }[]> {
  const wanted = Math.min(Math.max(first ?? DEFAULT_FIRST, 0), MAX_FIRST);
  const byArgs = loaders.get(ctx) ?? new Map<string, DataLoader<string, string[]>>();
  loaders.set(ctx, byArgs);
  const key = channel ?? '';
  let loader = byArgs.get(key);
  if (!loader) {
    loader = new DataLoader<string, string[]>((ids) => partners(ctx, ids, channel ?? null));
    byArgs.set(key, loader);
  }
  return loader.load(productId).then((ids) => ids.slice(0, wanted).map((id) => ({ id })));
}

async function partners(ctx: OrdersContext, productIds: readonly string[], channel: SalesChannel | null): Promise<string[][]> {
  const rows = await sql<Candidate>(
    ctx.em,
    `select product_id, other_product_id from (
       select p.product_id, p.other_product_id,
              row_number() over (partition by p.product_id
                                 order by p.orders::float8 / greatest(c.orders, 1) desc, p.orders desc, p.other_product_id) as rank
       from "${SCHEMA}"."product_pair_count" p
       join "${SCHEMA}"."product_order_count" c on c.product_id = p.other_product_id
       where p.product_id = any(?) and p.orders >= ?
     ) ranked where rank <= ? order by product_id, rank`,
    [[...productIds], MIN_SUPPORT, CANDIDATES],
  );
  const sellable = await sellableProducts(ctx, [...new Set(rows.map((r) => r.other_product_id))], channel);
  return productIds.map((id) => rows.filter((r) => r.product_id === id && sellable.has(r.other_product_id)).map((r) => r.other_product_id));
}
