import { Field, InputType } from 'type-graphql';
import { SalesChannel } from '../../../platform/src';

@InputType({ description: "A customer's id on a channel, e.g. a marketplace buyer id." })
export class ChannelIdentityInput {
  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => String)
  externalId!: string;
}
