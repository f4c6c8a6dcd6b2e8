import { isUuid, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { GiftCard, GiftCardTransaction, GiftCardTransactionKind } from '../entities';
import { PromotionsErrorCode as Code } from '../errors';
import type { GiftCardCreateInput } from '../inputs/gift-card.input';
import { generateGiftCardCode, hashGiftCardCode, lastCharacters } from '../rules/gift-card-code';
import { positiveAmount } from '../rules/money-amount';

export interface CreatedGiftCard {
  giftCard: GiftCard;
  /** The full code: returned this once and never stored. */
  code: string;
}

/** Issues a gift card with its opening ledger row; the code is returned here and only here. */
export async function createGiftCard(ctx: PromotionsContext, input: GiftCardCreateInput): Promise<MutationOutcome<CreatedGiftCard>> {
  const errors = await validateInput(input, ['input']);
  const value = positiveAmount(input.initialValue, ctx.currencyCode, ['input', 'initialValue'], errors);
  if (input.expiresOn && !errors.some((e) => e.field?.[1] === 'expiresOn')) {
    const day = new Date(`${input.expiresOn}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== input.expiresOn) {
      errors.push(new UserError(['input', 'expiresOn'], `"${input.expiresOn}" is not a date`, Code.INVALID));
    } else if (input.expiresOn < new Date().toISOString().slice(0, 10)) {
      errors.push(new UserError(['input', 'expiresOn'], 'The expiry date is in the past', Code.INVALID));
    }
  }
  if (errors.length || value === null) return { ok: false, userErrors: errors };
  const code = generateGiftCardCode();
  return runMutation(ctx, async (tx) => {
    const giftCard = Object.assign(new GiftCard(), {
      codeHash: hashGiftCardCode(code),
      lastCharacters: lastCharacters(code),
      initialValue: value,
      balance: value,
      currencyCode: tx.currencyCode,
      expiresOn: input.expiresOn ?? null,
      customerId: input.customerId ?? null,
      note: input.note ?? null,
    });
    tx.em.persist(giftCard);
    tx.em.create(GiftCardTransaction, {
      giftCardId: giftCard.id,
      kind: GiftCardTransactionKind.ISSUE,
      amount: value,
      balanceAfter: value,
      actor: tx.viewer.subject,
      createdAt: new Date(),
    });
    await tx.em.flush();
    return { giftCard, code };
  });
}

/** Stops a card from being used or looked up; disabling twice is harmless. */
export async function disableGiftCard(ctx: PromotionsContext, id: string): Promise<MutationOutcome<GiftCard>> {
  return runMutation(ctx, async (tx) => {
    const giftCard = isUuid(id) && (await tx.em.findOne(GiftCard, { id }));
    if (!giftCard) throw new UserErrorsException([new UserError(['id'], `No gift card with id "${id}"`, Code.NOT_FOUND)]);
    if (!giftCard.disabledAt) {
      giftCard.disabledAt = new Date();
      giftCard.updatedAt = new Date();
      await tx.em.flush();
    }
    return giftCard;
  });
}
