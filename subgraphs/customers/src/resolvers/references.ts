import { isUuid } from '../../../platform/src';
import type { CustomersContext } from '../context';
import { findCustomer } from '../services/customer-query.service';

/** How the gateway resolves this subgraph's entities from other subgraphs' references, batched. */
export const references = {
  Customer: { __resolveReference: (ref: { id: string }, ctx: CustomersContext) => findCustomer(ctx, ref.id) },
  StaffMember: {
    __resolveReference: (ref: { id: string }, ctx: CustomersContext) => (isUuid(ref.id) ? ctx.loaders.staffById.load(ref.id) : null),
  },
};
