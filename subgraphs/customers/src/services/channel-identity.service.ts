import type { EntityManager } from '@mikro-orm/postgresql';
import { runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, type SalesChannel } from '#platform/graphql';
import { Limits, SCHEMA } from '../constants';
import type { CustomersContext } from '../context';
import { CustomerEventType, CustomerIdentity, type Customer } from '../entities';
import { CustomersErrorCode } from '../errors';
import { customerToChange } from './customer-access';
import { recordEvent } from './customer-event.service';
import { lockCustomer } from './customer-lock';

/**
 * Notes that the customer was seen on a channel (sign-up, sign-in): their one row for the
 * channel without an external id is created or has its lastSeenAt moved on. An upsert on the
 * partial unique index, so concurrent sign-ins cannot create two.
 */
export async function recordChannelVisit(em: EntityManager, customerId: string, channel: SalesChannel): Promise<void> {
  await sql(
    em,
    `insert into ${SCHEMA}.customer_identity (customer_id, channel, external_id, first_seen_at, last_seen_at) values (?, ?, null, now(), now())
     on conflict (customer_id, channel) where external_id is null do update set last_seen_at = greatest(customer_identity.last_seen_at, excluded.last_seen_at)`,
    [customerId, channel],
  );
}

const identityTaken = (channel: SalesChannel) =>
  new UserError(
    ['externalId'],
    `This ${channel} id already belongs to another customer; merge the two customers instead`,
    CustomersErrorCode.TAKEN,
  );

/**
 * Links a customer to their id on a channel (a marketplace buyer id, a social account). A
 * (channel, externalId) pair belongs to one customer: linking it to another is TAKEN, decided
 * by the unique index so two concurrent links cannot both win. Linking it again to the same
 * customer only moves lastSeenAt on.
 */
export async function linkIdentity(
  ctx: CustomersContext,
  customerId: string,
  channel: SalesChannel,
  rawExternalId: string,
): Promise<MutationOutcome<{ identity: CustomerIdentity; customer: Customer }>> {
  const externalId = rawExternalId.trim();
  const errors: UserError[] = [];
  if (!externalId) errors.push(new UserError(['externalId'], "externalId can't be blank", CustomersErrorCode.BLANK));
  if (externalId.length > Limits.EXTERNAL_ID_LENGTH)
    errors.push(
      new UserError(['externalId'], `externalId has at most ${Limits.EXTERNAL_ID_LENGTH} characters`, CustomersErrorCode.TOO_LONG),
    );
  const target = await customerToChange(ctx, customerId, ['customerId']);
  if (!target.ok) errors.push(...target.userErrors);
  if (errors.length || !target.ok) return { ok: false, userErrors: errors };

  return runMutation(
    ctx,
    async (tx) => {
      const customer = await lockCustomer(tx.em, target.customer.id, ['customerId'], 'share');
      const [row] = await sql<Record<string, unknown> & { inserted: boolean }>(
        tx.em,
        `insert into ${SCHEMA}.customer_identity (customer_id, channel, external_id, first_seen_at, last_seen_at) values (?, ?, ?, now(), now())
         on conflict (channel, external_id) do update set last_seen_at = now() where customer_identity.customer_id = excluded.customer_id
         returning *, (xmax = 0) as inserted`,
        [customer.id, channel, externalId],
      );
      if (!row) throw new UserErrorsException([identityTaken(channel)]);
      if (row.inserted) recordEvent(tx.em, customer.id, CustomerEventType.IDENTITY_LINKED, { channel, data: { externalId } });
      await tx.em.flush();
      const { inserted: _inserted, ...identity } = row;
      return { identity: tx.em.map(CustomerIdentity, identity), customer };
    },
    { onUniqueViolation: (constraint) => (constraint.includes('external_id') ? identityTaken(channel) : undefined) },
  );
}

/** The customer who holds this id on a channel; erased customers hold none. */
export async function findByIdentity(ctx: CustomersContext, channel: SalesChannel, externalId: string): Promise<Customer | null> {
  const identity = await ctx.em.findOne(CustomerIdentity, { channel, externalId: externalId.trim() });
  return identity ? ctx.loaders.customerById.load(identity.customerId) : null;
}
