import { Field, ObjectType } from 'type-graphql';

/** A bearer token for the Authorization header, and when it stops working. */
@ObjectType({ description: 'A bearer token for the Authorization header, and when it stops working.' })
export class CustomerAccessToken {
  @Field(() => String, { description: 'The bearer token: send it as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => Date, { description: 'When the token stops working.' })
  expiresAt!: Date;
}
