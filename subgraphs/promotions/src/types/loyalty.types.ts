import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Money, SalesChannel } from '#platform/graphql';

@ObjectType({ description: 'A loyalty tier and the points earned in 365 days that it takes.' })
export class LoyaltyTier {
  @Field(() => String)
  name!: string;

  @Field(() => Int)
  minimumPoints!: number;
}

@ObjectType({ description: 'How much faster points are earned on a channel.' })
export class LoyaltyChannelMultiplier {
  @Field(() => SalesChannel)
  channel!: SalesChannel;

  @Field(() => Float)
  multiplier!: number;
}

@ObjectType('LoyaltyProgram', { description: "The loyalty programme's settings." })
export class LoyaltyProgramView {
  @Field(() => Int, { description: 'Points per whole unit of the shop currency spent, before multipliers.' })
  pointsPerCurrencyUnit!: number;

  @Field(() => [LoyaltyChannelMultiplier])
  channelMultipliers!: LoyaltyChannelMultiplier[];

  @Field(() => Money)
  redemptionValuePerPoint!: Money;

  @Field(() => [LoyaltyTier], { description: 'Ascending; the first starts at zero.' })
  tiers!: LoyaltyTier[];
}
