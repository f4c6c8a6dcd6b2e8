import { ArgsType, Field, ID } from 'type-graphql';
import { ConnectionArgs } from '#platform/graphql';

@ArgsType()
export class CustomersArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Words each found in the name, email or phone; a phone number in any format.' })
  query?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only members of this segment.' })
  segmentId?: string | null;
}
