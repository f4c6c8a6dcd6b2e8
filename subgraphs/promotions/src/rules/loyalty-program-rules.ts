import {
  CURRENCY_EXPONENTS,
  formatMinorUnits,
  moneyInputToMinor,
  UserError,
  UserErrorCode,
  type CurrencyCode,
  type MoneyInput,
} from '#platform/graphql';
import type { LoyaltyProgram } from '../entities';
import type { LoyaltyProgramUpdateInput } from '../inputs/loyalty-program.input';

/** A point worth more than 100 units of currency is a typing mistake, not a programme. */
const MAX_POINT_VALUE_UNITS = 100;

type ProgramChanges = Partial<Pick<LoyaltyProgram, 'pointsPerCurrencyUnit' | 'channelMultipliers' | 'redemptionValuePerPoint' | 'tiers'>>;

/**
 * The settings an update asks for, after the rules no single field can check: one multiplier per
 * channel, a point value in the shop currency, tiers with unique names starting at 0 points in
 * ascending order. Each broken rule is pushed onto `errors`; the ranges of single fields are the
 * input's own validators.
 */
export function loyaltyProgramChanges(input: LoyaltyProgramUpdateInput, currency: CurrencyCode, errors: UserError[]): ProgramChanges {
  const changes: ProgramChanges = {};
  if (input.pointsPerCurrencyUnit != null) changes.pointsPerCurrencyUnit = input.pointsPerCurrencyUnit;
  if (input.channelMultipliers != null) {
    const seen = new Set<string>();
    input.channelMultipliers.forEach(({ channel }, i) => {
      if (seen.has(channel))
        errors.push(new UserError(['input', 'channelMultipliers', i, 'channel'], `${channel} is named twice`, UserErrorCode.TAKEN));
      seen.add(channel);
    });
    changes.channelMultipliers = Object.fromEntries(input.channelMultipliers.map((m) => [m.channel, m.multiplier]));
  }
  if (input.redemptionValuePerPoint != null) {
    const value = pointValue(input.redemptionValuePerPoint, currency);
    if (value instanceof UserError) errors.push(value);
    else changes.redemptionValuePerPoint = value;
  }
  if (input.tiers != null) {
    errors.push(...tierErrors(input.tiers));
    changes.tiers = input.tiers.map((t) => ({ name: t.name.trim(), minimumPoints: t.minimumPoints }));
  }
  return changes;
}

function pointValue(value: MoneyInput, currency: CurrencyCode): number | UserError {
  const path = ['input', 'redemptionValuePerPoint'];
  const minor = moneyInputToMinor(value, path, currency, { allowZero: false, noun: 'point value' });
  const max = MAX_POINT_VALUE_UNITS * 10 ** CURRENCY_EXPONENTS[currency];
  if (typeof minor === 'number' && minor > max) {
    return new UserError(
      [...path, 'amount'],
      `A point can be worth at most ${formatMinorUnits(max, currency)} ${currency}`,
      UserErrorCode.LESS_THAN_OR_EQUAL_TO,
    );
  }
  return minor;
}

function tierErrors(tiers: NonNullable<LoyaltyProgramUpdateInput['tiers']>): UserError[] {
  const errors: UserError[] = [];
  const at = (i: number, field: string) => ['input', 'tiers', i, field];
  const names = new Set<string>();
  tiers.forEach((tier, i) => {
    const name = tier.name.trim().toUpperCase();
    if (name && names.has(name))
      errors.push(new UserError(at(i, 'name'), `Tier "${tier.name.trim()}" is named twice`, UserErrorCode.TAKEN));
    names.add(name);
    if (i === 0 && tier.minimumPoints !== 0) {
      errors.push(
        new UserError(at(i, 'minimumPoints'), 'The first tier starts at 0 points, so every customer has a tier', UserErrorCode.INVALID),
      );
    }
    if (i > 0 && tier.minimumPoints <= tiers[i - 1].minimumPoints) {
      errors.push(
        new UserError(
          at(i, 'minimumPoints'),
          `Each tier needs more points than the one before (${tiers[i - 1].minimumPoints})`,
          UserErrorCode.INVALID,
        ),
      );
    }
  });
  return errors;
}
