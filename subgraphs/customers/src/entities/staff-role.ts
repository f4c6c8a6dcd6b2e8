import { registerEnumType } from 'type-graphql';
import { Role } from '#platform/auth';

/** What a staff member may do; the same names as the token roles they sign in with. */
export const StaffRole = { STAFF: Role.STAFF, MANAGER: Role.MANAGER, ADMIN: Role.ADMIN } as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'What a staff member may do: STAFF sells, MANAGER manages, ADMIN administers.',
  valuesConfig: {
    ADMIN: { description: 'Everything, including adding admins.' },
    MANAGER: { description: 'Everything staff may, at any store, plus catalog, purchasing, discounts and staff.' },
    STAFF: { description: 'Store staff: customers, stock at their own store.' },
  },
});
