import { runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import { publishEvents } from '#platform/outbox';
import { SCHEMA } from '../constants';
import type { CustomersContext } from '../context';
import { CustomerErased } from '../contract';
import { Customer, CustomerEventType } from '../entities';
import { CustomersErrorCode } from '../errors';
import { customerToChange } from './customer-access';
import { recordEvent } from './customer-event.service';

const alreadyErased = () => new UserError(['id'], "This customer's personal data was already erased", CustomersErrorCode.ALREADY_ERASED);

/**
 * Erases a customer's personal data in one transaction (the customer themselves, or a manager):
 * names, email, phone, password, tags and consent, every address, the external ids of their
 * identities, and the details of their timeline. The row and its id stay, so orders and
 * balances other subgraphs keep for it remain consistent; which channels were used and when
 * stays too, without anything that identifies the person. Writes `customer.erased`.
 */
export async function eraseCustomer(ctx: CustomersContext, id: string | null | undefined): Promise<MutationOutcome<Customer>> {
  const target = await customerToChange(ctx, id, ['id'], { allowErased: true });
  if (!target.ok) return target;
  if (target.customer.erasedAt) return { ok: false, userErrors: [alreadyErased()] };
  const customerId = target.customer.id;

  return runMutation(ctx, async (tx) => {
    const [locked] = await sql<{ erased_at: Date | null }>(tx.em, `select erased_at from ${SCHEMA}.customer where id = ? for update`, [
      customerId,
    ]);
    if (locked.erased_at) throw new UserErrorsException([alreadyErased()]);
    await sql(tx.em, `delete from ${SCHEMA}.customer_address where customer_id = ?`, [customerId]);
    // External ids go; each channel keeps one presence row with the first and last sightings.
    await sql(
      tx.em,
      `with redacted as (delete from ${SCHEMA}.customer_identity where customer_id = ? and external_id is not null returning channel, first_seen_at, last_seen_at)
       insert into ${SCHEMA}.customer_identity (customer_id, channel, external_id, first_seen_at, last_seen_at)
         select ?, channel, null, min(first_seen_at), max(last_seen_at) from redacted group by channel
       on conflict (customer_id, channel) where external_id is null do update set
         first_seen_at = least(customer_identity.first_seen_at, excluded.first_seen_at),
         last_seen_at = greatest(customer_identity.last_seen_at, excluded.last_seen_at)`,
      [customerId, customerId],
    );
    await sql(tx.em, `update ${SCHEMA}.customer_event set data = null where customer_id = ?`, [customerId]);
    const [erased] = await sql(
      tx.em,
      `update ${SCHEMA}.customer set email = null, phone = null, first_name = null, last_name = null, password_hash = null, tags = '{}',
         accepts_marketing = false, default_address_id = null, erased_at = now(), updated_at = now()
       where id = ? returning *`,
      [customerId],
    );
    recordEvent(tx.em, customerId, CustomerEventType.ERASED);
    await tx.em.flush();
    await publishEvents(tx.em, SCHEMA, [CustomerErased.event(customerId, { customerId })]);
    return tx.em.map(Customer, erased);
  });
}
