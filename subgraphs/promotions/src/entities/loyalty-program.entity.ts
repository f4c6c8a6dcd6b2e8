import { Check, Entity, PrimaryKey, Property } from '@mikro-orm/core';

export interface LoyaltyTierRule {
  name: string;
  /** Points earned in the last 365 days needed to hold the tier. */
  minimumPoints: number;
}

/** The loyalty programme's settings: a single row, created with these defaults on first use. */
@Entity({ tableName: 'loyalty_program' })
@Check({ expression: 'id = 1' })
export class LoyaltyProgram {
  @PrimaryKey({ type: 'int', autoincrement: false })
  id = 1;

  /** Points earned per whole unit of the shop currency spent. */
  @Property({ type: 'int' })
  pointsPerCurrencyUnit = 1;

  /** Earning multipliers by sales channel; a channel not named earns at 1×. */
  @Property({ type: 'json' })
  channelMultipliers: Record<string, number> = { APP: 2 };

  /** What one point is worth when redeemed, in minor units of the shop currency. */
  @Property({ type: 'int' })
  redemptionValuePerPoint = 1;

  /** Ascending by minimumPoints; the first tier starts at zero. */
  @Property({ type: 'json' })
  tiers: LoyaltyTierRule[] = [
    { name: 'BRONZE', minimumPoints: 0 },
    { name: 'SILVER', minimumPoints: 1_000 },
    { name: 'GOLD', minimumPoints: 5_000 },
  ];

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
