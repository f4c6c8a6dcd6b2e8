import { wrap } from '@mikro-orm/core';
import type { MutationOutcome } from '#platform/db';
import type { CustomersContext } from '../context';
import { Customer, CustomerEvent } from '../entities';
import type { CustomerDataExport } from '../types/customer-data-export.type';
import { customerToChange } from './customer-access';
import { customerSegments } from './segment-membership.service';

/**
 * Everything this subgraph holds about a customer (the customer themselves, or a manager):
 * profile, addresses, identities, the whole timeline, segment memberships and the ids of
 * customers merged into this one. The password hash is not exported, only whether one is set.
 */
export async function exportCustomerData(
  ctx: CustomersContext,
  id: string | null | undefined,
): Promise<MutationOutcome<CustomerDataExport>> {
  const target = await customerToChange(ctx, id, ['id'], { allowErased: true });
  if (!target.ok) return target;
  const customer = target.customer;
  const [addresses, identities, timeline, segments, merged] = await Promise.all([
    ctx.loaders.addressesByCustomer.load(customer.id),
    ctx.loaders.identitiesByCustomer.load(customer.id),
    ctx.em.find(CustomerEvent, { customerId: customer.id }, { orderBy: { occurredAt: 'desc', id: 'desc' } }),
    customerSegments(ctx, customer),
    ctx.em.find(Customer, { mergedIntoId: customer.id }, { fields: ['id'], orderBy: { mergedAt: 'asc', id: 'asc' } }),
  ]);
  // Each record as its fields, without the owner's id that every one of them repeats.
  const plain = <T extends object>(entity: T) => {
    const { customerId: _owner, ...fields } = wrap(entity).toObject() as Record<string, unknown>;
    return fields;
  };
  const data = {
    profile: { ...plain(customer), hasPassword: customer.passwordHash !== null },
    addresses: addresses.map(plain),
    identities: identities.map(({ channel, externalId, firstSeenAt, lastSeenAt }) => ({ channel, externalId, firstSeenAt, lastSeenAt })),
    timeline: timeline.map(plain),
    segments: segments.map(({ id: segmentId, name }) => ({ id: segmentId, name })),
    mergedCustomerIds: merged.map((row) => row.id),
  };
  // Dates as ISO strings, as the JSON the client receives.
  return { ok: true, value: { generatedAt: new Date(), customer, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown> } };
}
