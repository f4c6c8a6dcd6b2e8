import { isStaff, type Viewer } from '#platform/auth';
import type { Discount } from '../entities';

/**
 * A discount's code as this caller may see it: staff see every code, anyone else only a public
 * discount's. A private code (a partner's, a goodwill gesture) reaches its holder some other way.
 */
export function visibleCode(viewer: Viewer, discount: Discount): string | null {
  return isStaff(viewer) || discount.isPublic ? discount.code : null;
}

/** Whether the caller may see the discount in the list of live offers: a private code's is for staff only. */
export function listedFor(viewer: Viewer): Record<string, unknown> {
  return isStaff(viewer) ? {} : { $or: [{ code: null }, { isPublic: true }] };
}
