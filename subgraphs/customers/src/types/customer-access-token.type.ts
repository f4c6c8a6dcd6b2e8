import { Field, ObjectType } from 'type-graphql';

/** A bearer token for the Authorization header, and when it stops working. */
@ObjectType({ description: 'A bearer token for the Authorization header, and when it stops working.' })
export class CustomerAccessToken {
  @Field(() => String)
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;
}
