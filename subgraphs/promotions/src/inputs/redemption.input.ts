import { ArrayMaxSize, ArrayNotEmpty, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Directive, Field, ID, InputType, Int } from 'type-graphql';
import { NotBlank } from '#platform/graphql';

/** How long uses are held when the checkout names no time: as long as inventory holds stock. */
export const DEFAULT_HOLD_SECONDS = 900;

@InputType({ description: 'Uses of discounts to hold for an order being placed.' })
@Directive('@inaccessible')
export class DiscountRedemptionReserveInput {
  @Field(() => String, { description: 'The checkout idempotency key; commit and release name it.' })
  @NotBlank()
  @MaxLength(200)
  key!: string;

  @Field(() => [ID])
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  discountIds!: string[];

  @Field(() => ID, { nullable: true, description: 'Null for a guest, who cannot use discounts limited per customer.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  customerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  orderReference?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_HOLD_SECONDS,
    description: 'Seconds the uses are held unless committed (1 to 86400).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86_400)
  ttlSeconds?: number | null;
}
