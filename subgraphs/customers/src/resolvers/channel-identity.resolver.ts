import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '#platform/auth';
import { SalesChannel, toPayload } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { CustomerIdentityLinkPayload } from '../payloads';
import { linkIdentity } from '../services/channel-identity.service';

@Resolver()
export class ChannelIdentityResolver {
  @Authorized(STAFF_ROLES)
  @Mutation(() => CustomerIdentityLinkPayload, {
    description:
      'Links a customer to their id on a channel, e.g. a marketplace buyer id (staff and services). An id belongs to one customer only.',
  })
  async customerIdentityLink(
    @Ctx() ctx: CustomersContext,
    @Arg('customerId', () => ID, { description: 'The customer the id belongs to.' }) customerId: string,
    @Arg('channel', () => SalesChannel, { description: 'The channel the id is on.' }) channel: SalesChannel,
    @Arg('externalId', () => String, { description: "The customer's id on the channel, e.g. a marketplace buyer id." }) externalId: string,
  ) {
    return toPayload(await linkIdentity(ctx, customerId, channel, externalId), (link) => link);
  }
}
