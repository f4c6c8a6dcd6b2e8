import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { toPayload } from '#platform/graphql';
import type { CustomersContext } from '../context';
import { CustomerEventTrackInput } from '../inputs/customer-event-track.input';
import { CustomerEventTrackPayload } from '../payloads';
import { trackEvent } from '../services/customer-event.service';
import { CUSTOMER_OR_STAFF } from './roles';

@Resolver()
export class CustomerEventResolver {
  @Authorized(CUSTOMER_OR_STAFF)
  @Mutation(() => CustomerEventTrackPayload, {
    description: "Records an interaction on a customer's timeline: by the customer for themselves, or by staff and services for anyone.",
  })
  async customerEventTrack(
    @Ctx() ctx: CustomersContext,
    @Arg('input', () => CustomerEventTrackInput, { description: 'What happened: type, channel, product and up to 4 KB of JSON data.' })
    input: CustomerEventTrackInput,
  ) {
    return toPayload(await trackEvent(ctx, input), (event) => ({ event }));
  }
}
