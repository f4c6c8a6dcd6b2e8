/**
 * Keeps the pair counts current in the caller's transaction: upserts in sorted key order, so two
 * orders sharing products lock the same rows in the same order and cannot deadlock.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../../constants';
import { basketDifference, type BasketChange } from './basket-change';

/** How much each product's and each ordered pair's (`a\u0000b`) count changes. */
interface CountDeltas {
  products: Map<string, number>;
  pairs: Map<string, number>;
}

function add(deltas: CountDeltas, change: BasketChange, sign: 1 | -1): void {
  for (const p of change.products) deltas.products.set(p, (deltas.products.get(p) ?? 0) + sign);
  for (const [a, b] of change.pairs) deltas.pairs.set(`${a}\u0000${b}`, (deltas.pairs.get(`${a}\u0000${b}`) ?? 0) + sign);
}

/** One upsert for the products and one for the pairs, each row changed by its summed delta (none by zero). */
async function apply(em: EntityManager, deltas: CountDeltas): Promise<void> {
  const products = [...deltas.products].filter(([, n]) => n !== 0);
  if (products.length > 0) {
    await sql(
      em,
      `insert into "${SCHEMA}"."product_order_count" (product_id, orders)
       select p, n from unnest(?::text[], ?::int[]) as t(p, n) order by p
       on conflict (product_id) do update set orders = "product_order_count".orders + excluded.orders`,
      [products.map(([p]) => p), products.map(([, n]) => n)],
    );
  }
  const pairs = [...deltas.pairs].filter(([, n]) => n !== 0).map(([key, n]) => [...key.split('\u0000'), n] as [string, string, number]);
  if (pairs.length > 0) {
    await sql(
      em,
      `insert into "${SCHEMA}"."product_pair_count" (product_id, other_product_id, orders)
       select a, b, n from unnest(?::text[], ?::text[], ?::int[]) as t(a, b, n) order by a, b
       on conflict (product_id, other_product_id) do update set orders = "product_pair_count".orders + excluded.orders`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1]), pairs.map((p) => p[2])],
    );
  }
}

/** An order's basket went from `before` to `after` (product ids): placing is [] → its products; cancelling, its products → what is left. */
export async function countBasketChange(em: EntityManager, before: readonly string[], after: readonly string[]): Promise<void> {
  await countBasketChanges(em, [{ before, after }]);
}

/** Several orders' basket changes (a till's synced batch), summed per product and per pair into the same two upserts. */
export async function countBasketChanges(
  em: EntityManager,
  changes: readonly { before: readonly string[]; after: readonly string[] }[],
): Promise<void> {
  const deltas: CountDeltas = { products: new Map(), pairs: new Map() };
  for (const { before, after } of changes) {
    add(deltas, basketDifference(after, before), 1);
    add(deltas, basketDifference(before, after), -1);
  }
  await apply(em, deltas);
}
