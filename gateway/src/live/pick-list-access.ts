import type { GraphQLError } from 'graphql';
import { forbidden, MANAGER_ROLES, Role, unauthenticated, type Viewer } from '#platform/auth';

/**
 * Who may follow a location's pick list: staff of that store, managers and admins anywhere.
 * Checked before anything is read, so a refused caller learns nothing of the location's work.
 */
export function pickListRefusal(viewer: Viewer, locationId: string): GraphQLError | null {
  if (MANAGER_ROLES.includes(viewer.role)) return null;
  if (viewer.role === Role.STAFF && viewer.locationId === locationId) return null;
  if (viewer.role === Role.ANONYMOUS) return unauthenticated('Sign in as staff of this store to follow its pick list');
  if (viewer.role === Role.STAFF) return forbidden(`Staff follow the pick list of their own store only (${viewer.locationId ?? 'none'})`);
  return forbidden('Only staff of this store and managers may follow its pick list');
}
