/** Who is calling. Tokens carry these roles; staff and kiosk tokens also carry a location. */
export const Role = {
  ANONYMOUS: 'ANONYMOUS',
  CUSTOMER: 'CUSTOMER',
  STAFF: 'STAFF',
  MANAGER: 'MANAGER',
  ADMIN: 'ADMIN',
  KIOSK: 'KIOSK',
  SERVICE: 'SERVICE',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

/** Roles that run a store's day-to-day operations. */
export const STAFF_ROLES: Role[] = [Role.STAFF, Role.MANAGER, Role.ADMIN, Role.SERVICE];
/** Roles that manage catalog, inventory, staff and kiosks. */
export const MANAGER_ROLES: Role[] = [Role.MANAGER, Role.ADMIN, Role.SERVICE];

export interface Viewer {
  role: Role;
  /** The customer, staff member, kiosk or service the token was issued to. */
  subject: string | null;
  locationId: string | null;
  /** When the token stops being valid; null for anonymous callers. */
  expiresAt?: Date | null;
}

export const ANONYMOUS_VIEWER: Viewer = Object.freeze({ role: Role.ANONYMOUS, subject: null, locationId: null, expiresAt: null });
