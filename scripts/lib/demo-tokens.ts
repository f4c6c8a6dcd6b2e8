import { Role, signToken } from '#platform/auth';
import { customersSubgraph } from '../../subgraphs/customers/src/subgraph';
import { Customer, StaffMember } from '../../subgraphs/customers/src/entities';
import { DEMO_PASSWORDS } from '../../subgraphs/customers/src/seed/seed-demo-people';
import { inventorySubgraph } from '../../subgraphs/inventory/src/subgraph';
import { Location, LocationType } from '../../subgraphs/inventory/src/entities';
import { withOrm } from './with-orm';

export interface DemoToken {
  who: string;
  token: string;
}

/**
 * Ready-to-use tokens for every role of the demo shop, so a new user can try each at once:
 * signed with the system's own secret, for the people the seed created.
 */
export async function demoTokens(sharedUrl: string, secret: string): Promise<DemoToken[]> {
  const key = new TextEncoder().encode(secret);
  const store = await withOrm(inventorySubgraph, sharedUrl, (em) =>
    em.findOne(Location, { type: LocationType.STORE }, { orderBy: { name: 'asc' } }),
  );
  const people = await withOrm(customersSubgraph, sharedUrl, async (em) => ({
    admin: await em.findOne(StaffMember, { role: 'ADMIN' as never }, { orderBy: { createdAt: 'asc' } }),
    staff: await em.findOne(StaffMember, { role: 'STAFF' as never }, { orderBy: { createdAt: 'asc' } }),
    customer: await em.findOne(Customer, { email: 'ada.rider@example.com' }),
  }));
  const tokens: DemoToken[] = [];
  if (people.admin)
    tokens.push({
      who: `admin (${people.admin.email} / ${DEMO_PASSWORDS.admin})`,
      token: (await signToken({ role: Role.ADMIN, subject: people.admin.id }, key, '12h')).token,
    });
  if (people.staff)
    tokens.push({
      who: `store staff (${people.staff.email} / ${DEMO_PASSWORDS.staff})`,
      token: (await signToken({ role: Role.STAFF, subject: people.staff.id, locationId: people.staff.locationId }, key, '12h')).token,
    });
  if (store)
    tokens.push({
      who: `kiosk at ${store.name}`,
      token: (await signToken({ role: Role.KIOSK, subject: `kiosk-${store.id}`, locationId: store.id }, key, '90d')).token,
    });
  if (people.customer)
    tokens.push({
      who: `customer (${people.customer.email} / ${DEMO_PASSWORDS.customer})`,
      token: (await signToken({ role: Role.CUSTOMER, subject: people.customer.id }, key, '30d')).token,
    });
  return tokens;
}
