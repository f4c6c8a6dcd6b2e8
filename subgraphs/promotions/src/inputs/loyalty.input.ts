import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Directive, Field, ID, InputType, Int } from 'type-graphql';
import { MoneyInput, NotBlank, SalesChannel } from '#platform/graphql';

@InputType({ description: "A manual change of a customer's points." })
export class LoyaltyPointsAdjustInput {
  @Field(() => ID, { description: 'The customer whose points change.' })
  @NotBlank()
  @MaxLength(200)
  customerId!: string;

  @Field(() => Int, { description: 'Non-zero: positive adds points, negative takes them away.' })
  @IsInt()
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  points!: number;

  @Field(() => String, { description: 'Why, for the ledger (required).' })
  @NotBlank()
  @MaxLength(500)
  reason!: string;
}

@InputType({ description: 'Points earned by a purchase.' })
@Directive('@inaccessible')
export class LoyaltyPointsEarnInput {
  @Field(() => ID)
  @NotBlank()
  @MaxLength(200)
  customerId!: string;

  @Field(() => MoneyInput)
  amountSpent!: MoneyInput;

  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}

@InputType({ description: 'Points spent at checkout.' })
@Directive('@inaccessible')
export class LoyaltyPointsRedeemInput {
  @Field(() => ID)
  @NotBlank()
  @MaxLength(200)
  customerId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  points!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  reference?: string | null;
}
