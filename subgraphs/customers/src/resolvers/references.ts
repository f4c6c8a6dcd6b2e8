import type { CustomersContext } from '../context';
import { readableCustomer } from '../services/customer-access';
import { resolveSegmentReference } from '../services/segment.service';
import { findStaffMember } from '../services/staff.service';

/**
 * How the gateway resolves this subgraph's entities from other subgraphs' references, batched.
 * A customer reference is held to the same rule as `customer(id)`: staff and services any, a
 * customer only themselves, anonymous callers and kiosks none; a merged-away id resolves to the
 * customer it went into.
 */
export const references = {
  Customer: { __resolveReference: (ref: { id: string }, ctx: CustomersContext) => readableCustomer(ctx, ref.id) },
  StaffMember: { __resolveReference: (ref: { id: string }, ctx: CustomersContext) => findStaffMember(ctx, ref.id) },
  Segment: { __resolveReference: (ref: { id: string }, ctx: CustomersContext) => resolveSegmentReference(ctx, ref.id) },
};
