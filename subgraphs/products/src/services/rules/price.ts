import { MoneyFormatError, parseMinorUnits, UserError, UserErrorCode, type CurrencyCode, type MoneyInput } from '../../../../platform/src';

/** A price input as minor units of the shop currency, or the reason it is not one. */
export function parsePrice(input: MoneyInput, path: string[], currency: CurrencyCode): number | UserError {
  if (input.currencyCode && input.currencyCode !== currency) {
    return new UserError([...path, 'currencyCode'], `Prices are kept in ${currency}, not ${input.currencyCode}`, UserErrorCode.CURRENCY_MISMATCH);
  }
  try {
    const amount = parseMinorUnits(input.amount, currency);
    if (amount < 0) return new UserError([...path, 'amount'], 'A price cannot be negative', UserErrorCode.GREATER_THAN_OR_EQUAL_TO);
    return amount;
  } catch (error) {
    if (error instanceof MoneyFormatError) return new UserError([...path, 'amount'], error.message, UserErrorCode.INVALID);
    throw error;
  }
}
