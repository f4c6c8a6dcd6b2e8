import { sql } from '#platform/db';
import { Money, type CurrencyCode } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { hashGiftCardCode } from '../rules/gift-card-code';
import { USABLE } from './gift-card-ledger.service';
import { countGiftCardLookup } from './gift-card-lookup-limit.service';

/**
 * A usable card's balance by code. Unknown, disabled and expired cards all answer null, and
 * every lookup counts against the caller's rate limit, so codes cannot be guessed by trying.
 */
export async function giftCardBalance(ctx: PromotionsContext, code: string): Promise<Money | null> {
  await countGiftCardLookup(ctx);
  const [card] = await sql<{ balance: string; currency_code: string }>(
    ctx.em,
    `select balance, currency_code from ${SCHEMA}.gift_card where code_hash = ? and ${USABLE}`,
    [hashGiftCardCode(code)],
  );
  return card ? Money.fromMinor(BigInt(card.balance), card.currency_code as CurrencyCode) : null;
}
