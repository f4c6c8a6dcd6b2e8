import { MANAGER_ROLES, Role, STAFF_ROLES } from '#platform/auth';

/** A customer acting for themselves (checked in the service), or staff for anyone. */
export const CUSTOMER_OR_STAFF = [Role.CUSTOMER, ...STAFF_ROLES];
/** A customer acting for themselves (checked in the service), or a manager for anyone. */
export const CUSTOMER_OR_MANAGER = [Role.CUSTOMER, ...MANAGER_ROLES];
