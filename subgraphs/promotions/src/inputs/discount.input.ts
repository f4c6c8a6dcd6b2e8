import { ArrayMaxSize, IsInt, IsOptional, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar, NotBlank, SalesChannel } from '#platform/graphql';
import { DiscountKind, DiscountScope, DiscountTargetType } from '../entities';

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{2,31}$/;

@InputType({ description: 'Which lines a discount looks at.' })
export class DiscountTargetInput {
  @Field(() => DiscountTargetType)
  type!: DiscountTargetType;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1_000)
  productIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1_000)
  categoryIds?: string[] | null;
}

@InputType({ description: 'Which classes of discount this one may be combined with.' })
export class DiscountCombinationInput {
  @Field(() => Boolean, { defaultValue: false })
  productDiscounts!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  orderDiscounts!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  shippingDiscounts!: boolean;
}

/** Every field of a discount; on update, omitted fields keep their value. */
@InputType({ description: 'A discount: automatic without a code, or entered with one.' })
export class DiscountInput {
  @Field(() => String, { nullable: true })
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

  @Field(() => DiscountKind, { nullable: true })
  kind?: DiscountKind;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'PERCENTAGE: percent off (0 < value ≤ 100). FIXED_AMOUNT: amount off. BUY_X_GET_Y: percent off the free units (default 100). FREE_SHIPPING: optional cap.',
  })
  value?: string | null;

  @Field(() => DiscountScope, { nullable: true, description: 'Defaults to ITEMS for PERCENTAGE, ORDER for FIXED_AMOUNT.' })
  scope?: DiscountScope | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  buyQuantity?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  getQuantity?: number | null;

  @Field(() => DiscountTargetInput, { nullable: true, description: 'Defaults to everything.' })
  @IsOptional()
  @ValidateNested()
  appliesTo?: DiscountTargetInput | null;

  @Field(() => DecimalScalar, { nullable: true })
  minimumSubtotal?: string | null;

  @Field(() => Int, { nullable: true })
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

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  usageLimit?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  usageLimitPerCustomer?: number | null;

  @Field(() => DiscountCombinationInput, { nullable: true, description: 'Defaults to combining with nothing.' })
  combinesWith?: DiscountCombinationInput | null;
}
