import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Money, SalesChannel } from '#platform/graphql';

@ObjectType({ description: 'A loyalty tier and the points earned in 365 days that it takes.' })
export class LoyaltyTier {
  @Field(() => String, { description: 'The tier\'s name, e.g. "Gold".' })
  name!: string;

  @Field(() => Int, { description: 'Points earned in the last 365 days needed to reach it.' })
  minimumPoints!: number;
}

@ObjectType({ description: 'How much faster points are earned on a channel.' })
export class LoyaltyChannelMultiplier {
  @Field(() => SalesChannel, { description: 'The sales channel.' })
  channel!: SalesChannel;

  @Field(() => Float, { description: 'Points earned there are multiplied by this, e.g. "2" for double points.' })
  multiplier!: number;
}

@ObjectType('LoyaltyProgram', { description: "The loyalty programme's settings." })
export class LoyaltyProgramView {
  @Field(() => Int, { description: 'Points per whole unit of the shop currency spent, before multipliers.' })
  pointsPerCurrencyUnit!: number;

  @Field(() => [LoyaltyChannelMultiplier], { description: 'Channels that earn more (or fewer) points than the base rate.' })
  channelMultipliers!: LoyaltyChannelMultiplier[];

  @Field(() => Money, { description: 'What one point is worth when redeemed, in the shop currency.' })
  redemptionValuePerPoint!: Money;

  @Field(() => [LoyaltyTier], { description: 'Ascending; the first starts at zero.' })
  tiers!: LoyaltyTier[];
}
