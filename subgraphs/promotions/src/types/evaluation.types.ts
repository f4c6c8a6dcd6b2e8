import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Money } from '#platform/graphql';

@ObjectType({ description: 'How much of one discount landed on a line.' })
@Directive('@inaccessible')
export class DiscountAllocation {
  @Field(() => ID)
  discountId!: string;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType({ description: 'A line after discounts.' })
@Directive('@inaccessible')
export class LineEvaluation {
  @Field(() => ID)
  id!: string;

  @Field(() => Money)
  subtotal!: Money;

  @Field(() => Money)
  discount!: Money;

  @Field(() => Money)
  total!: Money;

  @Field(() => [DiscountAllocation])
  allocations!: DiscountAllocation[];
}

@ObjectType({ description: 'A discount that applies, and how much it takes off.' })
@Directive('@inaccessible')
export class AppliedDiscount {
  @Field(() => ID)
  discountId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => String, { description: 'PRODUCT, ORDER or SHIPPING.' })
  class!: string;

  @Field(() => Money)
  amount!: Money;
}

@ObjectType({ description: 'A code that gives no discount, and why.' })
@Directive('@inaccessible')
export class RejectedCode {
  @Field(() => String)
  code!: string;

  @Field(() => String, {
    description: 'UNKNOWN, EXPIRED, NOT_FOR_CHANNEL, CUSTOMER_REQUIRED, MINIMUM_NOT_MET, USAGE_LIMIT_REACHED, NOT_COMBINABLE…',
  })
  reason!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'What a basket costs after offers.' })
@Directive('@inaccessible')
export class DiscountEvaluation {
  @Field(() => [LineEvaluation])
  lines!: LineEvaluation[];

  @Field(() => [AppliedDiscount])
  applied!: AppliedDiscount[];

  @Field(() => [RejectedCode])
  rejectedCodes!: RejectedCode[];

  @Field(() => Money)
  subtotal!: Money;

  @Field(() => Money)
  productDiscount!: Money;

  @Field(() => Money)
  orderDiscount!: Money;

  @Field(() => Money)
  shippingDiscount!: Money;

  @Field(() => Money)
  totalDiscount!: Money;

  @Field(() => Money)
  shipping!: Money;

  @Field(() => Money)
  total!: Money;
}
