import { isStaff, Role, type Viewer } from '#platform/auth';
import type { Order } from '../entities';

/**
 * Who may read an order, on every path (order(id), lists, `_entities`, a customer's orders):
 * staff and services any; a customer only their own; a guest (no token) only a guest order, by
 * its unguessable id. Anyone else gets null, as if the order did not exist.
 */
export function canReadOrder(viewer: Viewer, order: Order): boolean {
  if (isStaff(viewer)) return true;
  if (viewer.role === Role.CUSTOMER) return order.customerId === viewer.subject;
  if (viewer.role === Role.ANONYMOUS) return order.customerId === null;
  return false;
}
