import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '#platform/graphql';
import { Discount, DiscountTargetType } from '../entities';

@ObjectType({ description: 'Which lines a discount looks at.' })
export class DiscountTarget {
  @Field(() => DiscountTargetType, { description: 'ALL, PRODUCTS or CATEGORIES.' })
  type!: DiscountTargetType;

  @Field(() => [ID], { description: 'PRODUCTS: the products (global ids).' })
  productIds!: string[];

  @Field(() => [ID], { description: 'CATEGORIES: the categories (global ids).' })
  categoryIds!: string[];
}

@ObjectType({ description: 'Which classes of discount this one may be combined with.' })
export class DiscountCombination {
  @Field(() => Boolean, { description: 'Whether it combines with discounts on products.' })
  productDiscounts!: boolean;

  @Field(() => Boolean, { description: 'Whether it combines with discounts on the order.' })
  orderDiscounts!: boolean;

  @Field(() => Boolean, { description: 'Whether it combines with discounts on shipping.' })
  shippingDiscounts!: boolean;
}

@ObjectType({ description: 'A page of discounts, newest first.' })
export class DiscountConnection extends Connection(Discount) {}
