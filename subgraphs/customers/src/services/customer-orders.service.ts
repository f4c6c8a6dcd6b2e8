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

/** A customer's order count, total spent and last order date, summed from the orders placed (batched per request). */
export function customerOrderFigures(ctx: CustomersContext, customerId: string): Promise<CustomerOrderFigures> {
  let loader = loaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await sql<{ customer_id: string; n: string; spent: string; currency: string; last: Date }>(
        ctx.em,
        `select customer_id, count(*) as n, sum(total_minor) as spent, max(currency_code) as currency, max(placed_at) as last
           from "${SCHEMA}"."customer_order" where customer_id = any(?) group by customer_id`,
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
