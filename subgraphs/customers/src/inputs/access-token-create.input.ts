import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A customer\'s credentials.' })
export class CustomerAccessTokenCreateInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@InputType({ description: 'A staff member\'s credentials.' })
export class StaffAccessTokenCreateInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}
