import { Directive, Field, InputType, ObjectType } from 'type-graphql';
import { CurrencyCode, CURRENCY_EXPONENTS } from './currency';
import { DecimalScalar } from './scalars';

/** An amount of money: exact decimal amount and its currency. */
@ObjectType({ description: 'An amount of money in a currency; `amount` is an exact decimal string.' })
@Directive('@shareable')
export class Money {
  @Field(() => DecimalScalar, { description: 'The decimal amount, e.g. "19.99".' })
  amount!: string;

  @Field(() => CurrencyCode, { description: 'The currency of `amount`.' })
  currencyCode!: CurrencyCode;

  static fromMinor(minor: number | bigint, currencyCode: CurrencyCode): Money {
    const money = new Money();
    money.amount = formatMinorUnits(minor, currencyCode);
    money.currencyCode = currencyCode;
    return money;
  }
}

@InputType({ description: 'An amount of money; the currency defaults to the shop currency.' })
export class MoneyInput {
  @Field(() => DecimalScalar, { description: 'An exact decimal string, e.g. "19.99"; at most the currency\'s decimals.' })
  amount!: string;

  @Field(() => CurrencyCode, {
    nullable: true,
    description: 'Defaults to the shop currency; another currency is refused with CURRENCY_MISMATCH.',
  })
  currencyCode?: CurrencyCode;
}

/** Raised when an amount has more decimals than the currency has minor units, or is too large. */
export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
}

/**
 * "19.99" EUR → 1999. Exact: an amount with more decimals than the currency allows is refused
 * rather than rounded, so nobody loses a cent to a parse. Trailing zeros are fine ("19.990").
 */
export function parseMinorUnits(amount: string, currencyCode: CurrencyCode): number {
  const exponent = CURRENCY_EXPONENTS[currencyCode];
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new MoneyFormatError(`"${amount}" is not a decimal amount`);
  const [, sign, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new MoneyFormatError(`${currencyCode} amounts have at most ${exponent} decimal places`);
  }
  const minor = BigInt(whole + significant.padEnd(exponent, '0')) * (sign ? -1n : 1n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyFormatError(`"${amount}" is too large`);
  }
  return Number(minor);
}

/** 1999 EUR → "19.99"; 5 JPY → "5"; -5 EUR → "-0.05". */
export function formatMinorUnits(minor: number | bigint, currencyCode: CurrencyCode): string {
  const exponent = CURRENCY_EXPONENTS[currencyCode];
  const value = BigInt(minor);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
