import { registerEnumType } from 'type-graphql';

/**
 * ISO 4217 currencies with their minor-unit exponent (cents per unit as a power of ten).
 * A fixed table rather than the runtime's ICU data, so the schema is the same on every machine.
 */
export const CURRENCY_EXPONENTS = {
  AED: 2,
  ARS: 2,
  AUD: 2,
  BGN: 2,
  BHD: 3,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CLP: 0,
  CNY: 2,
  COP: 2,
  CZK: 2,
  DKK: 2,
  EGP: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KES: 2,
  KRW: 0,
  KWD: 3,
  MAD: 2,
  MXN: 2,
  MYR: 2,
  NGN: 2,
  NOK: 2,
  NZD: 2,
  OMR: 3,
  PEN: 2,
  PHP: 2,
  PLN: 2,
  QAR: 2,
  RON: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TRY: 2,
  TWD: 2,
  UAH: 2,
  USD: 2,
  VND: 0,
  ZAR: 2,
} as const;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

export const CurrencyCode = Object.fromEntries(Object.keys(CURRENCY_EXPONENTS).map((code) => [code, code])) as { [K in CurrencyCode]: K };

/** Each currency's English name, for the enum's value descriptions. */
const CURRENCY_NAMES: Record<CurrencyCode, string> = {
  AED: 'UAE dirham',
  ARS: 'Argentine peso',
  AUD: 'Australian dollar',
  BGN: 'Bulgarian lev',
  BHD: 'Bahraini dinar',
  BRL: 'Brazilian real',
  CAD: 'Canadian dollar',
  CHF: 'Swiss franc',
  CLP: 'Chilean peso',
  CNY: 'Chinese yuan',
  COP: 'Colombian peso',
  CZK: 'Czech koruna',
  DKK: 'Danish krone',
  EGP: 'Egyptian pound',
  EUR: 'Euro',
  GBP: 'British pound',
  HKD: 'Hong Kong dollar',
  HUF: 'Hungarian forint',
  IDR: 'Indonesian rupiah',
  ILS: 'Israeli new shekel',
  INR: 'Indian rupee',
  ISK: 'Icelandic króna',
  JOD: 'Jordanian dinar',
  JPY: 'Japanese yen',
  KES: 'Kenyan shilling',
  KRW: 'South Korean won',
  KWD: 'Kuwaiti dinar',
  MAD: 'Moroccan dirham',
  MXN: 'Mexican peso',
  MYR: 'Malaysian ringgit',
  NGN: 'Nigerian naira',
  NOK: 'Norwegian krone',
  NZD: 'New Zealand dollar',
  OMR: 'Omani rial',
  PEN: 'Peruvian sol',
  PHP: 'Philippine peso',
  PLN: 'Polish złoty',
  QAR: 'Qatari riyal',
  RON: 'Romanian leu',
  SAR: 'Saudi riyal',
  SEK: 'Swedish krona',
  SGD: 'Singapore dollar',
  THB: 'Thai baht',
  TRY: 'Turkish lira',
  TWD: 'New Taiwan dollar',
  UAH: 'Ukrainian hryvnia',
  USD: 'US dollar',
  VND: 'Vietnamese đồng',
  ZAR: 'South African rand',
};

registerEnumType(CurrencyCode, {
  name: 'CurrencyCode',
  description: 'An ISO 4217 currency code.',
  valuesConfig: Object.fromEntries(
    Object.entries(CURRENCY_EXPONENTS).map(([code, exponent]) => [
      code,
      { description: `${CURRENCY_NAMES[code as CurrencyCode]}; amounts have ${exponent} decimals.` },
    ]),
  ),
});

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(CURRENCY_EXPONENTS, value);
}
