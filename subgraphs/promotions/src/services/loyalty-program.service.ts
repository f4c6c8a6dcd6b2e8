import { runMutation, sql, type MutationOutcome } from '#platform/db';
import { Money, validateInput, type CurrencyCode, type SalesChannel } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { LoyaltyProgram } from '../entities';
import type { LoyaltyProgramUpdateInput } from '../inputs/loyalty-program.input';
import { loyaltyProgramChanges } from '../rules/loyalty-program-rules';
import type { LoyaltyProgramView } from '../types/loyalty.types';

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
  return runMutation(ctx, async (tx) => {
    const program = await loadLoyaltyProgram(tx.em);
    // Only the fields changed here are written, so two updates of different settings both hold.
    Object.assign(program, changes, { updatedAt: new Date() });
    await tx.em.flush();
    return programView(program, tx.currencyCode);
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
