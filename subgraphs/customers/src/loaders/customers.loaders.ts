import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader } from '../../../platform/src';
import { Customer, CustomerAddress, CustomerIdentity, Segment, StaffMember } from '../entities';
import { timelinePagesLoader } from '../services/customer-event-query.service';
import { segmentMembershipLoader } from '../services/segment-membership.service';

/** Every row of `entity` whose customer is one of the keys, one statement per tick, oldest first. */
function byCustomer<E extends { customerId: string }>(em: EntityManager, entity: new () => E, orderBy: Record<string, 'asc'>) {
  return new DataLoader<string, E[]>(async (customerIds) => {
    const rows = await em.find(entity, { customerId: { $in: [...customerIds] } } as never, { orderBy: orderBy as never });
    const groups = new Map<string, E[]>(customerIds.map((id) => [id, []]));
    for (const row of rows) groups.get(row.customerId)?.push(row);
    return customerIds.map((id) => groups.get(id) ?? []);
  });
}

/** Batches every lookup a request makes, so list length never multiplies SQL statements. */
export function createCustomersLoaders(em: EntityManager) {
  const allSegments = new DataLoader<'all', Segment[]>(async (keys) => {
    const segments = await em.find(Segment, {}, { orderBy: { name: 'asc' } });
    return keys.map(() => segments);
  });
  return {
    customerById: entityLoader(em, Customer, 'id'),
    staffById: entityLoader(em, StaffMember, 'id'),
    segmentById: entityLoader(em, Segment, 'id'),
    addressesByCustomer: byCustomer(em, CustomerAddress, { createdAt: 'asc', id: 'asc' }),
    identitiesByCustomer: byCustomer(em, CustomerIdentity, { firstSeenAt: 'asc', id: 'asc' }),
    /** Every segment, loaded once per request: membership is evaluated against all of them. */
    allSegments,
    segmentIdsByCustomer: segmentMembershipLoader(em, () => allSegments.load('all')),
    timelinePages: timelinePagesLoader(em),
  };
}

export type CustomersLoaders = ReturnType<typeof createCustomersLoaders>;
