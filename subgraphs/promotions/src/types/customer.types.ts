import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Customer as promotions knows it: only the key; loyalty, store credit and gift cards hang off it. */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerBalances {
  @Field(() => ID, { description: 'Global id, `gid://commerce/Customer/<key>`.' })
  id!: string;
}
