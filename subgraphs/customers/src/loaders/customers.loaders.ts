import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entityListLoader, entityLoader } from '#platform/db';
import { Customer, CustomerAddress, CustomerIdentity, Segment, StaffMember } from '../entities';
import { timelinePagesLoader } from '../services/customer-event-query.service';
import { segmentMembershipLoader } from '../services/segment-membership.service';

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
    addressesByCustomer: entityListLoader(em, CustomerAddress, 'customerId', { createdAt: 'asc', id: 'asc' }),
    identitiesByCustomer: entityListLoader(em, CustomerIdentity, 'customerId', { firstSeenAt: 'asc', id: 'asc' }),
    /** Every segment, loaded once per request: membership is evaluated against all of them. */
    allSegments,
    segmentIdsByCustomer: segmentMembershipLoader(em, () => allSegments.load('all')),
    timelinePages: timelinePagesLoader(em),
  };
}

export type CustomersLoaders = ReturnType<typeof createCustomersLoaders>;
