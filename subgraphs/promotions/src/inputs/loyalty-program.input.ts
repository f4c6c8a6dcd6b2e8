import { ArrayMaxSize, ArrayNotEmpty, IsInt, IsNumber, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { MoneyInput, NotBlank, SalesChannel } from '#platform/graphql';

/** At most one multiplier per channel. */
const CHANNEL_COUNT = Object.keys(SalesChannel).length;

@InputType({ description: 'How much faster points are earned on one channel.' })
export class LoyaltyChannelMultiplierInput {
  @Field(() => SalesChannel, { description: 'The channel; at most one multiplier each.' })
  channel!: SalesChannel;

  @Field(() => Float, { description: 'From 0.001 to 100, at most 3 decimals; 1 is the normal rate.' })
  @IsNumber({ maxDecimalPlaces: 3 }, { message: 'A multiplier has at most 3 decimals, e.g. 1.5' })
  @Min(0.001, { message: 'A multiplier must be more than 0' })
  @Max(100, { message: 'A multiplier can be at most 100' })
  multiplier!: number;
}

@InputType({ description: 'A loyalty tier and the points earned in 365 days it takes.' })
export class LoyaltyTierInput {
  @Field(() => String, { description: 'Unique, whatever the case.' })
  @NotBlank()
  @MaxLength(50)
  name!: string;

  @Field(() => Int, { description: 'Points earned in the last 365 days needed to hold the tier; 0 for the first.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  minimumPoints!: number;
}

@InputType({ description: 'Changes to the loyalty programme; a field left out stays as it is.' })
export class LoyaltyProgramUpdateInput {
  @Field(() => Int, { nullable: true, description: 'Points per whole unit of the shop currency spent, from 1 to 1000.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000)
  pointsPerCurrencyUnit?: number | null;

  @Field(() => [LoyaltyChannelMultiplierInput], {
    nullable: true,
    description: 'Replaces every multiplier, one per channel at most; a channel not named earns at 1×.',
  })
  @IsOptional()
  @ArrayMaxSize(CHANNEL_COUNT)
  @ValidateNested({ each: true })
  channelMultipliers?: LoyaltyChannelMultiplierInput[] | null;

  @Field(() => MoneyInput, {
    nullable: true,
    description: 'What one point is worth when redeemed: more than zero, at most 100 units of the shop currency.',
  })
  redemptionValuePerPoint?: MoneyInput | null;

  @Field(() => [LoyaltyTierInput], {
    nullable: true,
    description: 'Replaces every tier: 1 to 10, the first at 0 points, then ascending thresholds.',
  })
  @IsOptional()
  @ArrayNotEmpty({ message: 'A programme needs at least one tier' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  tiers?: LoyaltyTierInput[] | null;
}
