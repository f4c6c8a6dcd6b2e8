import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import { publishEvents } from '#platform/outbox';
import { SCHEMA } from '../constants';
import type { CustomersContext } from '../context';
import { CustomerMerged } from '../contract';
import { Customer, CustomerEventType } from '../entities';
import { CustomersErrorCode } from '../errors';
import { erased } from './customer-access';
import { recordEvent } from './customer-event.service';

interface CustomerRow {
  id: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  password_hash: string | null;
  tags: string[];
  default_address_id: string | null;
  merged_into_id: string | null;
  erased_at: Date | null;
}

/**
 * Folds a duplicate customer (source) into another (target) in one transaction: identities,
 * addresses (identical ones kept once), timeline, tags (union); the target's missing email,
 * phone, names and password come from the source, its marketing consent never does. The
 * source row stays as a redirect with its personal data cleared, and anything merged into it
 * earlier now redirects to the target. Writes a MERGED event and `customer.merged`.
 */
export async function mergeCustomers(ctx: CustomersContext, sourceId: string, targetId: string): Promise<MutationOutcome<Customer>> {
  const errors: UserError[] = [];
  if (sourceId === targetId)
    errors.push(new UserError(['targetId'], 'A customer cannot be merged into themselves', CustomersErrorCode.INVALID));
  if (!isUuid(sourceId)) errors.push(notFound('sourceId'));
  if (!isUuid(targetId)) errors.push(notFound('targetId'));
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    // Both rows locked in id order, so concurrent merges of the pair (either way round) queue
    // behind each other instead of deadlocking, and the later one sees the earlier's result.
    const rows = await sql<CustomerRow>(tx.em, `select * from ${SCHEMA}.customer where id = any(?::uuid[]) order by id for update`, [
      [sourceId, targetId],
    ]);
    const source = rows.find((row) => row.id === sourceId);
    const target = rows.find((row) => row.id === targetId);
    checkMergeable(source, 'sourceId', errors);
    checkMergeable(target, 'targetId', errors);
    if (errors.length || !source || !target) throw new UserErrorsException(errors);

    await moveIdentities(tx.em, sourceId, targetId);
    const defaultAddressId = await moveAddresses(tx.em, source, target);
    await sql(tx.em, `update ${SCHEMA}.customer_event set customer_id = ? where customer_id = ?`, [targetId, sourceId]);
    // Their orders and refunds too, so order count, spend and the segments built on them follow the person.
    await sql(tx.em, `update ${SCHEMA}.customer_order set customer_id = ? where customer_id = ?`, [targetId, sourceId]);
    await sql(tx.em, `update ${SCHEMA}.customer_refund set customer_id = ? where customer_id = ?`, [targetId, sourceId]);
    await sql(
      tx.em,
      `update ${SCHEMA}.customer set email = null, phone = null, first_name = null, last_name = null, password_hash = null,
         tags = '{}', accepts_marketing = false, default_address_id = null, merged_into_id = ?, merged_at = now(), updated_at = now()
       where id = ?`,
      [targetId, sourceId],
    );
    await sql(tx.em, `update ${SCHEMA}.customer set merged_into_id = ? where merged_into_id = ?`, [targetId, sourceId]);
    // The source's email and phone were freed above, so the target can take them.
    const [merged] = await sql(
      tx.em,
      `update ${SCHEMA}.customer set email = coalesce(email, ?), phone = coalesce(phone, ?), first_name = coalesce(first_name, ?),
         last_name = coalesce(last_name, ?), password_hash = coalesce(password_hash, ?),
         tags = tags || array(select t from unnest(?::text[]) t where t <> all(tags)),
         default_address_id = ?, updated_at = now()
       where id = ? returning *`,
      [source.email, source.phone, source.first_name, source.last_name, source.password_hash, source.tags, defaultAddressId, targetId],
    );
    recordEvent(tx.em, targetId, CustomerEventType.MERGED, { data: { sourceId } });
    await tx.em.flush();
    await publishEvents(tx.em, SCHEMA, [CustomerMerged.event(sourceId, { sourceId, targetId })]);
    return tx.em.map(Customer, merged);
  });
}

const notFound = (field: string) => new UserError([field], 'No such customer', CustomersErrorCode.NOT_FOUND);

function checkMergeable(row: CustomerRow | undefined, field: string, errors: UserError[]): void {
  if (!row) errors.push(notFound(field));
  else if (row.merged_into_id) {
    const message =
      field === 'sourceId'
        ? `Already merged into ${row.merged_into_id}`
        : `Merged into ${row.merged_into_id}; merge into that customer instead`;
    errors.push(new UserError([field], message, CustomersErrorCode.ALREADY_MERGED));
  } else if (row.erased_at) errors.push(erased([field]));
}

/**
 * Identities with an external id move as they are (the pair stays unique). Channel presences
 * fold into the target's own for the channel, keeping the first and last sightings of either.
 */
async function moveIdentities(em: EntityManager, sourceId: string, targetId: string): Promise<void> {
  await sql(
    em,
    `insert into ${SCHEMA}.customer_identity (customer_id, channel, external_id, first_seen_at, last_seen_at)
       select ?, channel, null, first_seen_at, last_seen_at from ${SCHEMA}.customer_identity where customer_id = ? and external_id is null
     on conflict (customer_id, channel) where external_id is null do update set
       first_seen_at = least(customer_identity.first_seen_at, excluded.first_seen_at),
       last_seen_at = greatest(customer_identity.last_seen_at, excluded.last_seen_at)`,
    [targetId, sourceId],
  );
  await sql(em, `delete from ${SCHEMA}.customer_identity where customer_id = ? and external_id is null`, [sourceId]);
  await sql(em, `update ${SCHEMA}.customer_identity set customer_id = ? where customer_id = ?`, [targetId, sourceId]);
}

/**
 * Moves the source's addresses to the target, dropping those identical to one the target has.
 * Returns the target's default: its own, else the source's (or that one's identical twin).
 */
async function moveAddresses(em: EntityManager, source: CustomerRow, target: CustomerRow): Promise<string | null> {
  const fields = 'address1, address2, city, province, postal_code, country_code, phone';
  const twins = await sql<{ id: string; twin: string }>(
    em,
    `select s.id, min(t.id::text) as twin from ${SCHEMA}.customer_address s
     join ${SCHEMA}.customer_address t on t.customer_id = ? and (${prefixed('t', fields)}) is not distinct from (${prefixed('s', fields)})
     where s.customer_id = ? group by s.id`,
    [target.id, source.id],
  );
  if (twins.length) await sql(em, `delete from ${SCHEMA}.customer_address where id = any(?::uuid[])`, [twins.map((row) => row.id)]);
  await sql(em, `update ${SCHEMA}.customer_address set customer_id = ?, updated_at = now() where customer_id = ?`, [target.id, source.id]);
  if (target.default_address_id || !source.default_address_id) return target.default_address_id;
  return twins.find((row) => row.id === source.default_address_id)?.twin ?? source.default_address_id;
}

const prefixed = (alias: string, columns: string) =>
  columns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
