import { idempotent, isUuid, runMutation, sql, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { PromotionsContext } from '../context';
import { GiftCard, GiftCardTransaction, GiftCardTransactionKind } from '../entities';
import { PromotionsErrorCode as Code } from '../errors';
import type { GiftCardDebitInput, GiftCardRefundInput } from '../inputs/gift-card.input';
import { hashGiftCardCode } from '../rules/gift-card-code';
import { positiveAmount } from '../rules/money-amount';

export interface GiftCardChange {
  giftCard: GiftCard;
  transaction: GiftCardTransaction;
}

type Em = PromotionsContext['em'];
type CardRow = { id: string; balance: string };
export const USABLE = `disabled_at is null and (expires_on is null or expires_on >= current_date)`;

/**
 * Spends part or all of a card. A guarded UPDATE under the card's row lock keeps the balance
 * from going below zero under any number of concurrent checkouts; idempotent under the key.
 */
export async function debitGiftCard(
  ctx: PromotionsContext,
  input: GiftCardDebitInput,
  idempotencyKey: string,
): Promise<MutationOutcome<GiftCardChange>> {
  const errors = await validateInput(input, ['input']);
  const amount = positiveAmount(input.amount, ctx.currencyCode, ['input', 'amount'], errors);
  if (errors.length || amount === null) return { ok: false, userErrors: errors };
  const codeHash = hashGiftCardCode(input.code);
  return runMutation(ctx, async (tx) => {
    const { result } = await idempotent(tx.em, SCHEMA, 'giftCardDebit', idempotencyKey, { ...input, code: codeHash }, async () => {
      const [card] = await sql<CardRow>(
        tx.em,
        `update ${SCHEMA}.gift_card set balance = balance - ?, updated_at = now()
         where code_hash = ? and currency_code = ? and ${USABLE} and balance >= ? returning id, balance`,
        [amount, codeHash, tx.currencyCode, amount],
      );
      if (!card) throw new UserErrorsException([await whyNotDebited(tx, codeHash)]);
      return writeTransaction(tx, card, GiftCardTransactionKind.DEBIT, -amount, input.reference, idempotencyKey);
    });
    return loadChange(tx.em, result);
  });
}

/** Gives money back to a card, never more than has been spent from it; idempotent under the key. */
export async function refundGiftCard(
  ctx: PromotionsContext,
  input: GiftCardRefundInput,
  idempotencyKey: string,
): Promise<MutationOutcome<GiftCardChange>> {
  const errors = await validateInput(input, ['input']);
  if (!input.code === !input.id) errors.push(new UserError(['input'], 'Name the card by either code or id', Code.INVALID));
  const amount = positiveAmount(input.amount, ctx.currencyCode, ['input', 'amount'], errors);
  if (errors.length || amount === null) return { ok: false, userErrors: errors };
  const [column, value] = input.code ? ['code_hash', hashGiftCardCode(input.code)] : ['id', input.id ?? ''];
  return runMutation(ctx, async (tx) => {
    const { result } = await idempotent(
      tx.em,
      SCHEMA,
      'giftCardRefund',
      idempotencyKey,
      { ...input, code: input.code ? value : null },
      async () => {
        const [card] =
          column === 'id' && !isUuid(value)
            ? []
            : await sql<CardRow>(
                tx.em,
                `update ${SCHEMA}.gift_card set balance = balance + ?, updated_at = now()
                 where ${column} = ? and currency_code = ? and balance + ? <= initial_value returning id, balance`,
                [amount, value, tx.currencyCode, amount],
              );
        if (!card) throw new UserErrorsException([await whyNotRefunded(tx, column, value)]);
        return writeTransaction(tx, card, GiftCardTransactionKind.REFUND, amount, input.reference, idempotencyKey);
      },
    );
    return loadChange(tx.em, result);
  });
}

/** The ledger row for a balance change just made, in the transaction of `tx`; returns its id. */
async function writeTransaction(
  tx: PromotionsContext,
  card: CardRow,
  kind: GiftCardTransactionKind,
  amount: number,
  reference: string | null | undefined,
  idempotencyKey: string,
): Promise<string> {
  const transaction = tx.em.create(GiftCardTransaction, {
    giftCardId: card.id,
    kind,
    amount,
    balanceAfter: Number(card.balance),
    reference: reference ?? null,
    idempotencyKey,
    actor: tx.viewer.subject,
    createdAt: new Date(),
  });
  await tx.em.flush();
  return transaction.id;
}

async function whyNotDebited(tx: PromotionsContext, codeHash: string): Promise<UserError> {
  const [card] = await sql<{ disabled: boolean; expired: boolean; currency_code: string }>(
    tx.em,
    `select disabled_at is not null as disabled, coalesce(expires_on < current_date, false) as expired, currency_code from ${SCHEMA}.gift_card where code_hash = ?`,
    [codeHash],
  );
  const field = ['input', 'code'];
  if (!card) return new UserError(field, 'No gift card with this code', Code.NOT_FOUND);
  if (card.disabled) return new UserError(field, 'This gift card is disabled', Code.GIFT_CARD_DISABLED);
  if (card.expired) return new UserError(field, 'This gift card has expired', Code.GIFT_CARD_EXPIRED);
  if (card.currency_code !== tx.currencyCode)
    return new UserError(['input', 'amount'], `This card is in ${card.currency_code}`, Code.CURRENCY_MISMATCH);
  return new UserError(['input', 'amount'], 'The gift card balance is too low', Code.INSUFFICIENT_BALANCE);
}

async function whyNotRefunded(tx: PromotionsContext, column: string, value: string): Promise<UserError> {
  const { em } = tx;
  const card =
    column === 'id' ? isUuid(value) && (await em.findOne(GiftCard, { id: value })) : await em.findOne(GiftCard, { codeHash: value });
  if (!card) return new UserError(['input', column === 'id' ? 'id' : 'code'], 'No such gift card', Code.NOT_FOUND);
  if (card.currencyCode !== tx.currencyCode)
    return new UserError(['input', 'amount'], `This card is in ${card.currencyCode}`, Code.CURRENCY_MISMATCH);
  return new UserError(['input', 'amount'], 'A refund cannot exceed what was spent from the card', Code.REFUND_EXCEEDS_SPENT);
}

async function loadChange(em: Em, transactionId: string): Promise<GiftCardChange> {
  const transaction = await em.findOneOrFail(GiftCardTransaction, { id: transactionId });
  const giftCard = await em.findOneOrFail(GiftCard, { id: transaction.giftCardId }, { refresh: true });
  return { giftCard, transaction };
}
