import { forbidden, unauthenticated } from './auth-checker';
import { MANAGER_ROLES, Role, STAFF_ROLES, type Viewer } from './viewer';

/** Staff, managers, admins and services: the people and processes that serve customers. */
export function isStaff(viewer: Viewer): boolean {
  return STAFF_ROLES.includes(viewer.role);
}

/** Whether the caller may read or change this customer's data: the customer, or staff. */
export function canAccessCustomer(viewer: Viewer, customerId: string): boolean {
  return isStaff(viewer) || (viewer.role === Role.CUSTOMER && viewer.subject === customerId);
}

/** Refuses anyone but the customer themselves and staff. */
export function requireCustomerAccess(viewer: Viewer, customerId: string): void {
  if (canAccessCustomer(viewer, customerId)) return;
  if (viewer.role === Role.ANONYMOUS) throw unauthenticated();
  throw forbidden('A customer can see and change only their own data');
}

/**
 * Whether the caller may run operations at this location: managers, admins and services
 * anywhere; staff and kiosks only at the location their token names.
 */
export function canActAtLocation(viewer: Viewer, locationId: string): boolean {
  if (MANAGER_ROLES.includes(viewer.role)) return true;
  return (viewer.role === Role.STAFF || viewer.role === Role.KIOSK) && viewer.locationId === locationId;
}

/**
 * Whose an idempotency key is: the caller's role and subject. Keys are scoped to it, so another caller's equal key neither
 * replays their change to this one nor refuses this one's as IDEMPOTENCY_KEY_MISMATCH.
 */
export function callerScope(viewer: Pick<Viewer, 'role' | 'subject'>): string {
  return `${viewer.role.toLowerCase()}:${viewer.subject ?? 'anonymous'}`;
}

/** Refuses staff of another store (and everyone who is not staff); passes if any location given is theirs. */
export function requireLocationAccess(viewer: Viewer, ...locationIds: string[]): void {
  if (locationIds.some((id) => canActAtLocation(viewer, id))) return;
  if (viewer.role === Role.ANONYMOUS) throw unauthenticated();
  throw forbidden(
    viewer.role === Role.STAFF
      ? `Staff run the operations of their own store only (${viewer.locationId ?? 'none'}), not of ${locationIds.join(' or ')}`
      : 'Only staff may do this',
  );
}
