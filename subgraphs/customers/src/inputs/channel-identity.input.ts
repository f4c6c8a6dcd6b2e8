import { Field, InputType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';

@InputType({ description: "A customer's id on a channel, e.g. a marketplace buyer id." })
export class ChannelIdentityInput {
  @Field(() => SalesChannel, { description: 'The channel the id belongs to.' })
  channel!: SalesChannel;

  @Field(() => String, { description: "The customer's id on that channel." })
  externalId!: string;
}
