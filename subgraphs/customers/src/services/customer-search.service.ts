import { sql } from '#platform/db';
import { keysetAfter, pageRequest, readOrder, toConnection, type ConnectionShape } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import { Limits, SCHEMA } from '../constants';
import type { CustomersContext } from '../context';
import { Customer } from '../entities';
import type { CustomersArgs } from '../inputs/customers.args';
import { normalisePhone } from '../rules/contact';
import { compileSegmentRules } from '../rules/segment-rules';
import { findSegment } from './segment.service';

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Customers newest first (staff), matching a text query and/or a segment, in one keyset-paged
 * statement. Each word of the query must occur in the name, email or phone; a query that is a
 * phone number in any format also finds that exact number. Merged-away and erased customers
 * are not listed.
 */
export async function listCustomers(ctx: CustomersContext, args: CustomersArgs): Promise<ConnectionShape<Customer>> {
  const page = pageRequest(args, { backward: true });
  const order = readOrder(page, 'desc');
  const after = keysetAfter(page, ['date', 'uuid']);
  const where = ['c.merged_into_id is null', 'c.erased_at is null'];
  const params: unknown[] = [];
  const query = args.query?.trim() ?? '';
  if (query.length > Limits.SEARCH_QUERY_LENGTH)
    throw badUserInput(`"query" has at most ${Limits.SEARCH_QUERY_LENGTH} characters`, 'query');
  if (query) {
    const haystack = `concat_ws(' ', c.first_name, c.last_name, c.email, c.phone)`;
    const words = query.split(/\s+/).map((word) => `%${escapeLike(word)}%`);
    const phone = normalisePhone(query, ctx.settings.defaultPhoneRegion);
    where.push(`(${words.map(() => `${haystack} ilike ?`).join(' and ')}${phone ? ' or c.phone = ?' : ''})`);
    params.push(...words, ...(phone ? [phone] : []));
  }
  if (args.segmentId != null) {
    const segment = await findSegment(ctx, args.segmentId);
    if (!segment) throw badUserInput(`No segment with id "${args.segmentId}"`, 'segmentId');
    const predicate = compileSegmentRules(segment.rules);
    where.push(predicate.sql);
    params.push(...predicate.params);
  }
  if (after) {
    where.push(`(c.created_at, c.id) ${order === 'desc' ? '<' : '>'} (?::timestamptz, ?::uuid)`);
    params.push(...after);
  }
  const rows = await sql(
    ctx.em,
    `select c.* from ${SCHEMA}.customer c where ${where.join(' and ')} order by c.created_at ${order}, c.id ${order} limit ?`,
    [...params, page.limit],
  );
  return toConnection(
    rows.map((row) => ctx.em.map(Customer, row)),
    page,
    (customer) => [customer.createdAt.toISOString(), customer.id],
  );
}
