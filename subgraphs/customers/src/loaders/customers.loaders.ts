import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entityListLoader, entityLoader, sql } from '#platform/db';
import { SCHEMA } from '../constants';
import { Customer, CustomerAddress, CustomerEvent, CustomerIdentity, Segment, StaffMember } from '../entities';
import { membershipQuery } from '../rules/segment-rules';

/** One page of one customer's timeline: newest first, `limit` events before the keyset `after`. */
export interface TimelineKey {
  customerId: string;
  limit: number;
  after: [Date, string] | null;
  /** `desc` (newest first) reading forward; `asc` reading backward from a `before` cursor. */
  order: 'asc' | 'desc';
}

/**
 * Batches every lookup a request makes, so list length never multiplies SQL statements. Built
 * on the request's EntityManager, and again on a mutation's transaction.
 */
export function createCustomersLoaders(em: EntityManager) {
  const allSegments = new DataLoader<'all', Segment[]>(async (keys) => {
    const segments = await em.find(Segment, {}, { orderBy: { name: 'asc' } });
    return keys.map(() => segments);
  });
  return {
    customerById: entityLoader(em, Customer, 'id'),
    staffById: entityLoader(em, StaffMember, 'id'),
    segmentById: entityLoader(em, Segment, 'id'),
    addressesByCustomer: entityListLoader(em, CustomerAddress, 'customerId', { createdAt: 'asc', id: 'asc' }),
    identitiesByCustomer: entityListLoader(em, CustomerIdentity, 'customerId', { firstSeenAt: 'asc', id: 'asc' }),
    /** Every segment, loaded once per request: membership is evaluated against all of them. */
    allSegments,
    segmentIdsByCustomer: segmentMembershipLoader(em, () => allSegments.load('all')),
    timelinePages: timelinePagesLoader(em),
  };
}

export type CustomersLoaders = ReturnType<typeof createCustomersLoaders>;

/**
 * Segment ids per customer, evaluated on read: one statement for every customer asked about in
 * a tick, whatever their number (plus the segments themselves, loaded once per request).
 */
function segmentMembershipLoader(em: EntityManager, allSegments: () => Promise<Segment[]>) {
  return new DataLoader<string, string[]>(async (customerIds) => {
    const segments = await allSegments();
    const members = new Map<string, string[]>(customerIds.map((id) => [id, []]));
    if (segments.length > 0) {
      const query = membershipQuery(segments, customerIds);
      for (const row of await sql<{ customer_id: string; segment_id: string }>(em, query.sql, query.params)) {
        members.get(row.customer_id)?.push(row.segment_id);
      }
    }
    return customerIds.map((id) => members.get(id) ?? []);
  });
}

/**
 * Pages of many customers' timelines in one statement per distinct page request: a lateral
 * index scan per customer, newest first, so a list of customers with `events(first: n)` costs
 * one query, not one per customer.
 */
function timelinePagesLoader(em: EntityManager) {
  return new DataLoader<TimelineKey, CustomerEvent[], string>(
    async (keys) => {
      const groups = new Map<string, TimelineKey[]>();
      for (const key of keys) {
        const group = `${key.order}|${key.limit}|${key.after?.[0].toISOString() ?? ''}|${key.after?.[1] ?? ''}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<TimelineKey, CustomerEvent[]>();
      for (const group of groups.values()) {
        const { limit, after, order } = group[0];
        const ids = group.map((key) => key.customerId);
        const rows = await sql(
          em,
          `select e.* from unnest(?::uuid[]) as c(id)
           cross join lateral (
             select * from ${SCHEMA}.customer_event e
             where e.customer_id = c.id ${after ? `and (e.occurred_at, e.id) ${order === 'desc' ? '<' : '>'} (?::timestamptz, ?::bigint)` : ''}
             order by e.occurred_at ${order}, e.id ${order} limit ?
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
    { cacheKeyFn: (key) => JSON.stringify([key.customerId, key.limit, key.after, key.order]) },
  );
}
