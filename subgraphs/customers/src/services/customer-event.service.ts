import type { EntityManager } from '@mikro-orm/postgresql';
import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError, validateInput, type SalesChannel } from '#platform/graphql';
import { Limits } from '../constants';
import type { CustomersContext } from '../context';
import { CustomerEvent, TRACKABLE_EVENT_TYPES, type CustomerEventType } from '../entities';
import { CustomersErrorCode } from '../errors';
import type { CustomerEventTrackInput } from '../inputs/customer-event-track.input';
import { customerToChange } from './customer-access';
import { lockCustomer } from './customer-lock';

export interface EventFields {
  channel?: SalesChannel | null;
  productId?: string | null;
  locationId?: string | null;
  data?: Record<string, unknown> | null;
}

/** Adds an event to a customer's timeline in the caller's transaction; written at the next flush. */
export function recordEvent(em: EntityManager, customerId: string, type: CustomerEventType, fields: EventFields = {}): CustomerEvent {
  const event = em.create(CustomerEvent, {
    customerId,
    type,
    channel: fields.channel ?? null,
    productId: fields.productId ?? null,
    locationId: fields.locationId ?? null,
    data: fields.data ?? null,
    occurredAt: new Date(),
  });
  em.persist(event);
  return event;
}

/**
 * Records an interaction a channel reports. Customers track for themselves, staff and
 * services for anyone; the system's own event types cannot be tracked, so nobody can forge a
 * sign-up or a merge. A staff member's store is the location when none is given.
 */
export async function trackEvent(ctx: CustomersContext, input: CustomerEventTrackInput): Promise<MutationOutcome<CustomerEvent>> {
  const errors = await validateInput(input, ['input']);
  if (!TRACKABLE_EVENT_TYPES.includes(input.type)) {
    errors.push(
      new UserError(
        ['input', 'type'],
        `${input.type} is recorded by the system; track one of ${TRACKABLE_EVENT_TYPES.join(', ')}`,
        CustomersErrorCode.NOT_ALLOWED,
      ),
    );
  }
  const size = input.data ? Buffer.byteLength(JSON.stringify(input.data), 'utf8') : 0;
  if (size > Limits.EVENT_DATA_BYTES) {
    errors.push(
      new UserError(
        ['input', 'data'],
        `data is ${size} bytes as JSON; at most ${Limits.EVENT_DATA_BYTES} are kept`,
        CustomersErrorCode.TOO_LONG,
      ),
    );
  }
  const target = await customerToChange(ctx, input.customerId, ['input', 'customerId']);
  if (!target.ok) errors.push(...target.userErrors);
  if (errors.length || !target.ok) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    // Shares the row lock with merge and erasure, so no event lands on a customer being folded away.
    await lockCustomer(tx.em, target.customer.id, ['input', 'customerId'], 'share');
    const event = recordEvent(tx.em, target.customer.id, input.type, {
      channel: input.channel,
      productId: input.productId,
      locationId: input.locationId ?? tx.viewer.locationId,
      data: input.data,
    });
    await tx.em.flush();
    return event;
  });
}
