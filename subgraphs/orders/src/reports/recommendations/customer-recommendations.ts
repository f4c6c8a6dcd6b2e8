/**
 * A customer's recommendations, as a basket for basket-recommendations.ts: what they bought and
 * kept (net of cancellations and returns), most recent first, and their favourite categories by
 * units kept, all from one statement over the sales ledger.
 */
import { sql } from '#platform/db';
import type { SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../../constants';
import type { OrdersContext } from '../../context';
import { MAX_BASKET, recommendForBasket } from './basket-recommendations';

/** Categories the fallback looks in: a customer's favourites by units kept. */
const FAVOURITE_CATEGORIES = 3;

/** What a customer may want next: bought with what they kept and not yet theirs, else best sellers of their favourite categories. */
export async function recommendForCustomer(
  ctx: OrdersContext,
  customerId: string,
  first: number | null | undefined,
  channel: SalesChannel | null,
): Promise<{ id: string }[]> {
  const rows = await sql<{ product_id: string; category_id: string | null; kept: string }>(
    ctx.em,
    `select product_id, (array_agg(category_id order by occurred_at desc))[1] as category_id, sum(quantity) as kept
       from "${SCHEMA}"."sales_ledger_row"
      where customer_id = ? and product_id is not null
      group by product_id having sum(quantity) > 0
      order by max(occurred_at) desc, product_id`,
    [customerId],
  );
  const units = new Map<string, number>();
  for (const row of rows) if (row.category_id) units.set(row.category_id, (units.get(row.category_id) ?? 0) + Number(row.kept));
  const categories = [...units]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, FAVOURITE_CATEGORIES)
    .map(([id]) => id);
  const basket = rows.map((row) => row.product_id);
  // The most recent purchases drive the list; nothing they kept is recommended back to them.
  return recommendForBasket(ctx, { basket: basket.slice(0, MAX_BASKET), exclude: basket, categories, channel, first });
}
