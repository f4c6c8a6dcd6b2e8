import { IsInt, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { NotBlank } from '#platform/graphql';

/** Units of one SKU: a line to reserve, sell, order, ship or receive. */
@InputType({ description: 'Units of one SKU: a line to order, ship, receive, reserve or sell.' })
export class StockLineInput {
  @Field(() => String, { description: 'The SKU.' })
  @NotBlank()
  @MaxLength(64)
  sku!: string;

  @Field(() => Int, { description: 'At least 1.' })
  @IsInt()
  @Min(1, { message: 'quantity must be at least 1' })
  @Max(1_000_000)
  quantity!: number;
}
