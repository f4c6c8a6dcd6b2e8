import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { keysetAfter, pageRequest, toConnection, type ConnectionArgs, type ConnectionShape, type PageRequest } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { CustomersContext } from '../context';
import { CustomerEvent, type Customer } from '../entities';

interface TimelineKey {
  customerId: string;
  limit: number;
  after: [Date, string] | null;
}

/**
 * Pages of many customers' timelines in one statement per distinct page request: a lateral
 * index scan per customer, newest first, so a list of customers with `events(first: n)` costs
 * one query, not one per customer.
 */
export function timelinePagesLoader(em: EntityManager) {
  return new DataLoader<TimelineKey, CustomerEvent[], string>(
    async (keys) => {
      const groups = new Map<string, TimelineKey[]>();
      for (const key of keys) {
        const group = `${key.limit}|${key.after?.[0].toISOString() ?? ''}|${key.after?.[1] ?? ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<TimelineKey, CustomerEvent[]>();
      for (const group of groups.values()) {
        const { limit, after } = group[0];
        const ids = group.map((key) => key.customerId);
        const rows = await sql(
          em,
          `select e.* from unnest(?::uuid[]) as c(id)
           cross join lateral (
             select * from ${SCHEMA}.customer_event e
             where e.customer_id = c.id ${after ? 'and (e.occurred_at, e.id) < (?::timestamptz, ?::bigint)' : ''}
             order by e.occurred_at desc, e.id desc limit ?
           ) e`,
          [ids, ...(after ?? []), limit],
        );
        const events = rows.map((row) => em.map(CustomerEvent, row));
        for (const key of group)
          pages.set(
            key,
            events.filter((event) => event.customerId === key.customerId),
          );
      }
      return keys.map((key) => pages.get(key) ?? []);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.customerId, key.limit, key.after]) },
  );
}

/** A customer's timeline, newest first, keyset-paged by (occurredAt, id). */
export async function customerTimeline(
  ctx: CustomersContext,
  customer: Customer,
  args: ConnectionArgs,
): Promise<ConnectionShape<CustomerEvent>> {
  const page: PageRequest = pageRequest(args);
  const after = keysetAfter(page, ['date', 'bigint']);
  const events = await ctx.loaders.timelinePages.load({ customerId: customer.id, limit: page.limit, after });
  return toConnection(events, page, (event) => [event.occurredAt.toISOString(), event.id]);
}
