import { moneyInputToMinor, UserError, UserErrorCode, type CurrencyCode, type MoneyInput } from '#platform/graphql';

/**
 * A strictly positive amount in the shop currency, in minor units; null with a user error
 * pushed onto `errors` when it is not one.
 */
export function positiveAmount(
  input: MoneyInput | null | undefined,
  currencyCode: CurrencyCode,
  field: string[],
  errors: UserError[],
): number | null {
  if (!input) {
    errors.push(new UserError(field, 'An amount is required', UserErrorCode.BLANK));
    return null;
  }
  const minor = moneyInputToMinor(input, field, currencyCode, { allowZero: false, noun: 'amount' });
  if (minor instanceof UserError) {
    errors.push(minor);
    return null;
  }
  return minor;
}
