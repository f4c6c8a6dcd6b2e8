import { Field, InputType } from 'type-graphql';
import { SalesChannel } from '#platform/graphql';

@InputType({ description: "A customer's credentials." })
export class CustomerAccessTokenCreateInput {
  @Field(() => String, { description: "The customer's email (any case)." })
  email!: string;

  @Field(() => String, { description: "The customer's password." })
  password!: string;

  @Field(() => SalesChannel, { nullable: true, description: 'The channel signing in; recorded as seen on it.' })
  channel?: SalesChannel | null;
}

@InputType({ description: "A staff member's credentials." })
export class StaffAccessTokenCreateInput {
  @Field(() => String, { description: "The staff member's email (any case)." })
  email!: string;

  @Field(() => String, { description: "The staff member's password." })
  password!: string;
}
