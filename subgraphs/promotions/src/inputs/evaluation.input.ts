import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Directive, Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar, NotBlank, SalesChannel } from '#platform/graphql';

@InputType({ description: 'A basket line to price.' })
@Directive('@inaccessible')
export class EvaluationLineInput {
  @Field(() => ID, { description: "The caller's key for the line; allocations refer to it." })
  id!: string;

  @Field(() => String)
  @MaxLength(64)
  sku!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(50)
  categoryIds!: string[];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity!: number;

  @Field(() => DecimalScalar)
  unitPrice!: string;
}

@InputType({ description: 'A basket to price: what the orders subgraph asks before showing a total.' })
@Directive('@inaccessible')
export class DiscountEvaluationInput {
  @Field(() => [EvaluationLineInput])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  lines!: EvaluationLineInput[];

  @Field(() => ID, { nullable: true, description: 'Null for a guest, who cannot use discounts limited per customer.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  customerId?: string | null;

  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  codes!: string[];

  @Field(() => DecimalScalar, { defaultValue: '0' })
  shipping!: string;
}
