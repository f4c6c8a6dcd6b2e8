import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '#platform/graphql';
import { Discount, DiscountTargetType } from '../entities';

@ObjectType({ description: 'Which lines a discount looks at.' })
export class DiscountTarget {
  @Field(() => DiscountTargetType)
  type!: DiscountTargetType;

  @Field(() => [ID])
  productIds!: string[];

  @Field(() => [ID])
  categoryIds!: string[];
}

@ObjectType({ description: 'Which classes of discount this one may be combined with.' })
export class DiscountCombination {
  @Field(() => Boolean)
  productDiscounts!: boolean;

  @Field(() => Boolean)
  orderDiscounts!: boolean;

  @Field(() => Boolean)
  shippingDiscounts!: boolean;
}

@ObjectType({ description: 'A page of discounts, newest first.' })
export class DiscountConnection extends Connection(Discount) {}
