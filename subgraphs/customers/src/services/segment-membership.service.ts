import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import type { CustomersContext } from '../context';
import type { Customer, Segment } from '../entities';
import { compileSegmentRules, type SqlFragment } from './rules/segment-rules';

/**
 * The statement that tells, for a batch of customers, which segments each is in: every
 * segment's compiled predicate evaluated against each customer row in one pass.
 */
export function membershipQuery(segments: readonly Segment[], customerIds: readonly string[]): SqlFragment {
  const params: unknown[] = [];
  const branches = segments.map((segment) => {
    const predicate = compileSegmentRules(segment.rules);
    params.push(segment.id, ...predicate.params);
    return `select ?::uuid as segment_id where ${predicate.sql}`;
  });
  params.push([...customerIds]);
  return {
    sql: `select c.id as customer_id, s.segment_id from ${SCHEMA}.customer c
          cross join lateral (${branches.join(' union all ')}) s
          where c.id = any(?::uuid[])`,
    params,
  };
}

/**
 * Segment ids per customer, evaluated on read: one statement for every customer asked about in
 * a tick, whatever their number (plus the segments themselves, loaded once per request).
 */
export function segmentMembershipLoader(em: EntityManager, allSegments: () => Promise<Segment[]>) {
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

/** The segments a customer is in now, by name. */
export async function customerSegments(ctx: CustomersContext, customer: Customer): Promise<Segment[]> {
  const [ids, segments] = await Promise.all([ctx.loaders.segmentIdsByCustomer.load(customer.id), ctx.loaders.allSegments.load('all')]);
  return segments.filter((segment) => ids.includes(segment.id));
}
