import { ArrayMaxSize, ArrayNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';
import { NotBlank } from '../../../platform/src';

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
}
