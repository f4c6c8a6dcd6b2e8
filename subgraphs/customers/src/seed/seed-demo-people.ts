import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/password';
import { Customer, StaffMember, StaffRole } from '../entities';

/** Demo sign-ins, printed by the start script; never use these outside a demo. */
export const DEMO_PASSWORDS = {
  admin: 'velocity-admin-2026',
  staff: 'velocity-staff-2026',
  customer: 'velocity-rider-2026',
} as const;

export interface SeededPeople {
  adminId: string;
  staffId: string;
  customerId: string;
  emails: { admin: string; staff: string; customer: string };
  passwords: typeof DEMO_PASSWORDS;
}

/**
 * Creates the demo shop's admin, one store's staff member (at the first location given) and a
 * demo customer, in one transaction. Does nothing when any staff member exists.
 */
export async function seedDemoPeople(em: EntityManager, options: { locationIds: string[] }): Promise<SeededPeople | null> {
  // Asked first, so a start that finds the shop seeded spends no time on the deliberately slow hashes.
  if (await em.fork().count(StaffMember, {})) return null;
  const [adminHash, staffHash, customerHash] = await Promise.all([
    hashPassword(DEMO_PASSWORDS.admin),
    hashPassword(DEMO_PASSWORDS.staff),
    hashPassword(DEMO_PASSWORDS.customer),
  ]);
  return em.transactional(async (tx) => {
    if (await tx.count(StaffMember, {})) return null;
    const emails = {
      admin: 'admin@velocity-cycles.example',
      staff: 'sam.store@velocity-cycles.example',
      customer: 'ada.rider@example.com',
    };
    const admin = Object.assign(new StaffMember(), {
      name: 'Alex Admin',
      email: emails.admin,
      role: StaffRole.ADMIN,
      passwordHash: adminHash,
    });
    const staff = Object.assign(new StaffMember(), {
      name: 'Sam Store',
      email: emails.staff,
      role: StaffRole.STAFF,
      locationId: options.locationIds[0] ?? null,
      passwordHash: staffHash,
    });
    const customer = Object.assign(new Customer(), {
      email: emails.customer,
      phone: '+4930901820',
      firstName: 'Ada',
      lastName: 'Rider',
      acceptsMarketing: true,
      passwordHash: customerHash,
    });
    tx.persist([admin, staff, customer]);
    await tx.flush();
    return { adminId: admin.id, staffId: staff.id, customerId: customer.id, emails, passwords: DEMO_PASSWORDS };
  });
}
