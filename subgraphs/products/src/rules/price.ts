import { moneyInputToMinor, type CurrencyCode, type MoneyInput, type UserError } from '#platform/graphql';

/** A price input as minor units of the shop currency (zero allowed), or the reason it is not one. */
export function parsePrice(input: MoneyInput, path: string[], currency: CurrencyCode): number | UserError {
  return moneyInputToMinor(input, path, currency, { allowZero: true, noun: 'price' });
}
