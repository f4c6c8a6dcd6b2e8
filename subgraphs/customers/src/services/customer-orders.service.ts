import DataLoader from 'dataloader';
import { sql } from '#platform/db';
import type { SalesChannel } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { keptOrdersOf } from '../rules/kept-orders';

export interface CustomerOrderFigures {
  orderCount: number;
  totalSpentMinor: number;
  /** Spend per order counted, rounded half-up; null before the first. */
  averageOrderValueMinor: number | null;
  currencyCode: string | null;
  lastOrderAt: Date | null;
  /** The channels of orders that still count for something, alphabetically. */
  purchaseChannels: SalesChannel[];
}

const loaders = new WeakMap<object, DataLoader<string, CustomerOrderFigures>>();

/** A customer's order figures, net of refunds and cancellations (batched per request). */
export function customerOrderFigures(ctx: CustomersContext, customerId: string): Promise<CustomerOrderFigures> {
  let loader = loaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await sql<{
        id: string;
        n: string;
        spent: string;
        currency: string | null;
        last: Date | null;
        channels: string[] | null;
      }>(
        ctx.em,
        `select c.id, count(*) filter (where k.counts) as n, coalesce(sum(k.net), 0) as spent, max(k.currency_code) as currency,
                max(k.placed_at) filter (where k.counts) as last,
                array_agg(distinct k.channel order by k.channel) filter (where k.net > 0 and k.channel is not null) as channels
           from unnest(?::uuid[]) as c(id) cross join lateral ${keptOrdersOf('c.id')} k
          group by c.id`,
        [[...ids]],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => {
        const row = byId.get(id);
        const orderCount = row ? Number(row.n) : 0;
        const totalSpentMinor = row ? Number(row.spent) : 0;
        return {
          orderCount,
          totalSpentMinor,
          averageOrderValueMinor: orderCount > 0 ? Math.round(totalSpentMinor / orderCount) : null,
          currencyCode: row?.currency ?? null,
          lastOrderAt: row?.last ? new Date(row.last) : null,
          purchaseChannels: (row?.channels ?? []) as SalesChannel[],
        };
      });
    });
    loaders.set(ctx.loaders, loader);
  }
  return loader.load(customerId);
}
