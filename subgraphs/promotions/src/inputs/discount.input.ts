import { ArrayMaxSize, IsInt, IsOptional, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar, NotBlank, SalesChannel } from '#platform/graphql';
import { DiscountKind, DiscountScope, DiscountTargetType } from '../entities';

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/;

@InputType({ description: 'Which lines a discount looks at.' })
export class DiscountTargetInput {
  @Field(() => DiscountTargetType, { description: 'ALL, PRODUCTS or CATEGORIES.' })
  type!: DiscountTargetType;

  @Field(() => [ID], { nullable: true, description: 'PRODUCTS: the products (at least one).' })
  @IsOptional()
  @ArrayMaxSize(1_000)
  productIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'CATEGORIES: the categories (at least one).' })
  @IsOptional()
  @ArrayMaxSize(1_000)
  categoryIds?: string[] | null;
}

@InputType({ description: 'Which classes of discount this one may be combined with.' })
export class DiscountCombinationInput {
  @Field(() => Boolean, { defaultValue: false, description: 'Whether it combines with discounts on products; false when omitted.' })
  productDiscounts!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether it combines with discounts on the order; false when omitted.' })
  orderDiscounts!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether it combines with discounts on shipping; false when omitted.' })
  shippingDiscounts!: boolean;
}

/** Every field of a discount; on update, omitted fields keep their value. */
@InputType({ description: 'A discount: automatic without a code, or entered with one.' })
export class DiscountInput {
  @Field(() => String, { nullable: true, description: 'The name shown to shoppers; required when creating.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(255)
  title?: string;

  @Field(() => String, { nullable: true, description: '3 to 32 letters, digits, - or _; matched without regard to case. Null: automatic.' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'code must be 3 to 32 letters, digits, - or _' })
  code?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether anyone may see the code (a campaign); false on create unless given: only staff see it.',
  })
  public?: boolean | null;

  @Field(() => DiscountKind, {
    nullable: true,
    description: 'PERCENTAGE, FIXED_AMOUNT, BUY_X_GET_Y or FREE_SHIPPING; required when creating.',
  })
  kind?: DiscountKind;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'PERCENTAGE: percent off (0 < value ≤ 100). FIXED_AMOUNT: amount off. BUY_X_GET_Y: percent off the free units (default 100). FREE_SHIPPING: optional cap.',
  })
  value?: string | null;

  @Field(() => DiscountScope, { nullable: true, description: 'Defaults to ITEMS for PERCENTAGE, ORDER for FIXED_AMOUNT.' })
  scope?: DiscountScope | null;

  @Field(() => Int, { nullable: true, description: 'BUY_X_GET_Y: units to buy (1 or more).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  buyQuantity?: number | null;

  @Field(() => Int, { nullable: true, description: 'BUY_X_GET_Y: units that come free (1 or more).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  getQuantity?: number | null;

  @Field(() => DiscountTargetInput, { nullable: true, description: 'Defaults to everything.' })
  @IsOptional()
  @ValidateNested()
  appliesTo?: DiscountTargetInput | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The least the items must come to.' })
  minimumSubtotal?: string | null;

  @Field(() => Int, { nullable: true, description: 'The fewest units the basket must hold.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  minimumQuantity?: number | null;

  @Field(() => [SalesChannel], { nullable: true, description: 'Empty or omitted: every channel.' })
  channels?: SalesChannel[] | null;

  @Field(() => [ID], { nullable: true, description: 'Empty or omitted: every customer.' })
  @IsOptional()
  @ArrayMaxSize(100)
  segmentIds?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'When it starts; now when omitted.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ends; after startsAt.' })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Total uses allowed (1 or more).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  usageLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Uses allowed per customer (1 or more); makes it for signed-in customers only.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  usageLimitPerCustomer?: number | null;

  @Field(() => DiscountCombinationInput, { nullable: true, description: 'Defaults to combining with nothing.' })
  combinesWith?: DiscountCombinationInput | null;
}
