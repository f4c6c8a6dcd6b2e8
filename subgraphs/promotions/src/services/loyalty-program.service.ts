import DataLoader from 'dataloader';
import { runMutation, sql, type MutationOutcome } from '#platform/db';
import { CURRENCY_EXPONENTS, Money, validateInput, type CurrencyCode, type SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { LoyaltyEntryKind, LoyaltyProgram, type LoyaltyTierRule } from '../entities';
import type { LoyaltyProgramUpdateInput } from '../inputs/loyalty-program.input';
import type { LoyaltyProgramView } from '../types/loyalty.types';
import { loyaltyProgramChanges } from './loyalty-program-rules';

type Em = PromotionsContext['em'];

/** The programme's settings, creating the row with defaults the first time anyone asks. */
export async function loadLoyaltyProgram(em: Em): Promise<LoyaltyProgram> {
  const existing = await em.findOne(LoyaltyProgram, { id: 1 });
  if (existing) return existing;
  const d = new LoyaltyProgram();
  await sql(
    em,
    `insert into ${SCHEMA}.loyalty_program (id, points_per_currency_unit, channel_multipliers, redemption_value_per_point, tiers, updated_at)
     values (1, ?, ?::jsonb, ?, ?::jsonb, now()) on conflict (id) do nothing`,
    [d.pointsPerCurrencyUnit, JSON.stringify(d.channelMultipliers), d.redemptionValuePerPoint, JSON.stringify(d.tiers)],
  );
  return em.findOneOrFail(LoyaltyProgram, { id: 1 });
}

/**
 * Changes the programme's settings after checking every rule; nothing is written when one fails.
 * Only earning and redeeming from now on are affected: points already earned stay as they are.
 */
export async function updateLoyaltyProgram(
  ctx: PromotionsContext,
  input: LoyaltyProgramUpdateInput,
): Promise<MutationOutcome<LoyaltyProgramView>> {
  const errors = await validateInput(input, ['input']);
  const changes = loyaltyProgramChanges(input, ctx.currencyCode, errors);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(ctx.em, async (em) => {
    const program = await loadLoyaltyProgram(em);
    // Only the fields changed here are written, so two updates of different settings both hold.
    Object.assign(program, changes, { updatedAt: new Date() });
    await em.flush();
    return programView(program, ctx.currencyCode);
  });
}

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

/** Points earned in the last 365 days, for many accounts in one statement. */
export function earnedLastYearLoader(em: Em): DataLoader<string, number> {
  return new DataLoader(async (accountIds) => {
    const rows = await sql<{ account_id: string; earned: string }>(
      em,
      `select account_id, sum(points) as earned from ${SCHEMA}.loyalty_entry
       where account_id = any(?::uuid[]) and kind = ? and created_at > now() - interval '365 days' group by account_id`,
      [[...accountIds], LoyaltyEntryKind.EARN],
    );
    const earned = new Map(rows.map((r) => [r.account_id, Number(r.earned)]));
    return accountIds.map((id) => earned.get(id) ?? 0);
  });
}

/** The settings as the API shows them. */
export function programView(program: LoyaltyProgram, currencyCode: CurrencyCode): LoyaltyProgramView {
  return {
    pointsPerCurrencyUnit: program.pointsPerCurrencyUnit,
    channelMultipliers: Object.entries(program.channelMultipliers).map(([channel, multiplier]) => ({
      channel: channel as SalesChannel,
      multiplier,
    })),
    redemptionValuePerPoint: Money.fromMinor(program.redemptionValuePerPoint, currencyCode),
    tiers: program.tiers,
  };
}
