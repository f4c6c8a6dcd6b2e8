import DataLoader from 'dataloader';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { CustomersContext } from '../context';

export interface CustomerOrderFigures {
  orderCount: number;
  totalSpentMinor: number;
  currencyCode: string | null;
  lastOrderAt: Date | null;
}

const loaders = new WeakMap<object, DataLoader<string, CustomerOrderFigures>>();

/** A customer's order count, total spent (less refunds) and last order date, summed from the orders placed (batched per request). */
export function customerOrderFigures(ctx: CustomersContext, customerId: string): Promise<CustomerOrderFigures> {
  let loader = loaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await sql<{ customer_id: string; n: string; spent: string; currency: string; last: Date }>(
        ctx.em,
        `select o.customer_id, count(*) as n, sum(o.total_minor) - coalesce(max(r.refunded), 0) as spent, max(o.currency_code) as currency,
                max(o.placed_at) as last
           from "${SCHEMA}"."customer_order" o
           left join (select customer_id, sum(amount_minor) as refunded from "${SCHEMA}"."customer_refund" group by customer_id) r
             on r.customer_id = o.customer_id
          where o.customer_id = any(?) group by o.customer_id`,
        [[...ids]],
      );
      const byId = new Map(rows.map((r) => [r.customer_id, r]));
      return ids.map((id) => {
        const row = byId.get(id);
        return row
          ? { orderCount: Number(row.n), totalSpentMinor: Number(row.spent), currencyCode: row.currency, lastOrderAt: new Date(row.last) }
          : { orderCount: 0, totalSpentMinor: 0, currencyCode: null, lastOrderAt: null };
      });
    });
    loaders.set(ctx.loaders, loader);
  }
  return loader.load(customerId);
}
