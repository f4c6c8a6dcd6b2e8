import { MoneyFormatError, parseMinorUnits, UserError, UserErrorCode, type CurrencyCode, type MoneyInput } from '../../../platform/src';

/**
 * A strictly positive amount in the shop currency, in minor units; null with a user error
 * pushed onto `errors` when it is not one.
 */
export function positiveAmount(input: MoneyInput | null | undefined, currencyCode: CurrencyCode, field: string[], errors: UserError[]): number | null {
  if (!input) {
    errors.push(new UserError(field, 'An amount is required', UserErrorCode.BLANK));
    return null;
  }
  if (input.currencyCode && input.currencyCode !== currencyCode) {
    errors.push(new UserError([...field, 'currencyCode'], `Amounts are in ${currencyCode}`, UserErrorCode.CURRENCY_MISMATCH));
    return null;
  }
  try {
    const minor = parseMinorUnits(String(input.amount), currencyCode);
    if (minor > 0) return minor;
    errors.push(new UserError([...field, 'amount'], 'The amount must be greater than zero', UserErrorCode.GREATER_THAN_OR_EQUAL_TO));
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
    errors.push(new UserError([...field, 'amount'], error.message, UserErrorCode.INVALID));
  }
  return null;
}
