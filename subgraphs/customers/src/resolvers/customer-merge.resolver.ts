import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { CustomerMergePayload } from '../payloads';
import { mergeCustomers } from '../services/customer-merge.service';

@Resolver()
export class CustomerMergeResolver {
  @Authorized(STAFF_ROLES)
  @Mutation(() => CustomerMergePayload, {
    description:
      "Folds a duplicate customer (source) into another (target): identities, addresses, tags and timeline move over; the source's id keeps resolving to the target (staff).",
  })
  async customerMerge(
    @Ctx() ctx: CustomersContext,
    @Arg('sourceId', () => ID, { description: 'The duplicate, folded away.' }) sourceId: string,
    @Arg('targetId', () => ID, { description: 'The customer who remains.' }) targetId: string,
  ) {
    return toPayload(await mergeCustomers(ctx, sourceId, targetId), (customer) => ({ customer }));
  }
}
