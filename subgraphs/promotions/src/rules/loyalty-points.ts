import { CURRENCY_EXPONENTS, type CurrencyCode, type SalesChannel } from '#platform/graphql';
import type { LoyaltyProgram, LoyaltyTierRule } from '../entities';

/** Whole points for an amount spent on a channel; fractions of a point are not earned. */
export function pointsFor(program: LoyaltyProgram, minor: number, currencyCode: CurrencyCode, channel: SalesChannel): number {
  const multiplier = program.channelMultipliers[channel] ?? 1;
  // Integers until the last step, so 19.99 × 1 point never becomes 19.989999.
  return Math.floor(
    (minor * program.pointsPerCurrencyUnit * Math.round(multiplier * 1000)) / (10 ** CURRENCY_EXPONENTS[currencyCode] * 1000),
  );
}

/** The highest tier whose threshold the points earned in the last 365 days reach. */
export function tierFor(program: LoyaltyProgram, earnedLastYear: number): LoyaltyTierRule {
  const tiers = [...program.tiers].sort((a, b) => a.minimumPoints - b.minimumPoints);
  return tiers.filter((t) => t.minimumPoints <= earnedLastYear).pop() ?? tiers[0];
}
