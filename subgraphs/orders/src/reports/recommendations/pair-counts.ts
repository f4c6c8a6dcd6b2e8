/**
 * Keeps the pair counts current in the caller's transaction: upserts in sorted key order, so two
 * orders sharing products lock the same rows in the same order and cannot deadlock.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../../constants';
import { basketDifference, type BasketChange } from './basket-change';

async function apply(em: EntityManager, change: BasketChange, sign: 1 | -1): Promise<void> {
  if (change.products.length > 0) {
    await sql(
      em,
      `insert into "${SCHEMA}"."product_order_count" (product_id, orders)
       select p, ? from unnest(?::text[]) as p order by p
       on conflict (product_id) do update set orders = "product_order_count".orders + excluded.orders`,
      [sign, change.products],
    );
  }
  if (change.pairs.length > 0) {
    await sql(
      em,
      `insert into "${SCHEMA}"."product_pair_count" (product_id, other_product_id, orders)
       select a, b, ? from unnest(?::text[], ?::text[]) as t(a, b) order by a, b
       on conflict (product_id, other_product_id) do update set orders = "product_pair_count".orders + excluded.orders`,
      [sign, change.pairs.map((p) => p[0]), change.pairs.map((p) => p[1])],
    );
  }
}

/** An order's basket went from `before` to `after` (product ids): placing is [] → its products; cancelling, its products → what is left. */
export async function countBasketChange(em: EntityManager, before: readonly string[], after: readonly string[]): Promise<void> {
  await apply(em, basketDifference(after, before), 1);
  await apply(em, basketDifference(before, after), -1);
}
