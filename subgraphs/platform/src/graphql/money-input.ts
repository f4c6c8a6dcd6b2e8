import { MoneyFormatError, parseMinorUnits, type MoneyInput } from './money';
import type { CurrencyCode } from './currency';
import { UserError, UserErrorCode } from './user-error';

/**
 * A MoneyInput as minor units of `currency`, or the user error saying why it is not one: another
 * currency, a malformed amount, or below the lower bound (zero allowed, or strictly positive).
 * `noun` names the amount in messages ("price", "amount").
 */
export function moneyInputToMinor(
  input: MoneyInput,
  path: string[],
  currency: CurrencyCode,
  options: { allowZero: boolean; noun: string },
): number | UserError {
  if (input.currencyCode && input.currencyCode !== currency) {
    const plural = `${options.noun[0].toUpperCase()}${options.noun.slice(1)}s`;
    return new UserError(
      [...path, 'currencyCode'],
      `${plural} are kept in ${currency}, not ${input.currencyCode}`,
      UserErrorCode.CURRENCY_MISMATCH,
    );
  }
  try {
    const minor = parseMinorUnits(String(input.amount), currency);
    if (minor < 0 || (!options.allowZero && minor === 0)) {
      const message = options.allowZero ? `A ${options.noun} cannot be negative` : `The ${options.noun} must be greater than zero`;
      return new UserError([...path, 'amount'], message, UserErrorCode.GREATER_THAN_OR_EQUAL_TO);
    }
    return minor;
  } catch (error) {
    if (error instanceof MoneyFormatError) return new UserError([...path, 'amount'], error.message, UserErrorCode.INVALID);
    throw error;
  }
}
