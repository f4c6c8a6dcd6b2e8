import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import type { PromotionsContext } from '../context';
import { Discount } from '../entities';
import { PromotionsErrorCode as Code } from '../errors';
import type { DiscountInput } from '../inputs/discount.input';
import { applyDiscountInput, referencesAfter } from '../rules/discount-rules';
import { unknownReferences } from './discount-references.service';
import { discountNotFound, findDiscount, findDiscountForUpdate } from './discount-query.service';

const codeTaken = (code: string) => new UserError(['input', 'code'], `Code "${code}" is already used by another discount`, Code.TAKEN);
const onCodeConflict = (code: string | null | undefined) => (constraint: string) =>
  constraint.includes('code') ? codeTaken(code ?? '') : undefined;

/**
 * Creates a discount after checking every rule; nothing is written when one fails. The products
 * and segments it names are checked with their owners first, outside the transaction; the
 * transaction re-checks only what promotions owns, a unique code.
 */
export async function createDiscount(ctx: PromotionsContext, input: DiscountInput): Promise<MutationOutcome<Discount>> {
  const errors = await validateInput(input, ['input']);
  if (!input.title) errors.push(new UserError(['input', 'title'], 'A discount needs a title', Code.BLANK));
  if (!input.kind) errors.push(new UserError(['input', 'kind'], 'A discount needs a kind', Code.BLANK));
  if (errors.length) return { ok: false, userErrors: errors };
  const discount = Object.assign(new Discount(), { currencyCode: ctx.currencyCode });
  applyDiscountInput(discount, input, ctx.currencyCode, errors);
  if (errors.length) return { ok: false, userErrors: errors };
  const unknown = await unknownReferences(ctx, discount);
  if (unknown.length) return { ok: false, userErrors: unknown };
  return runMutation(ctx, (tx) => save(tx, discount, []), { onUniqueViolation: onCodeConflict(discount.code) });
}

/**
 * Changes a discount; the result is checked as a whole, as if it were created anew. What it
 * will name elsewhere (the input's targets and segments, or else those it has now) is checked
 * with their owners before the transaction; inside it, the row is locked and the input applied.
 */
export async function updateDiscount(ctx: PromotionsContext, id: string, input: DiscountInput): Promise<MutationOutcome<Discount>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  const current = await findDiscount(ctx, id);
  if (!current) return { ok: false, userErrors: [discountNotFound(id)] };
  // Targets a concurrent update changes in between were checked by that update.
  const unknown = await unknownReferences(ctx, referencesAfter(input, current));
  if (unknown.length) return { ok: false, userErrors: unknown };
  return runMutation(
    ctx,
    async (tx) => {
      const discount = await findDiscountForUpdate(tx.em, id);
      const shapeErrors: UserError[] = [];
      applyDiscountInput(discount, input, tx.currencyCode, shapeErrors);
      return save(tx, discount, shapeErrors);
    },
    { onUniqueViolation: onCodeConflict(input.code) },
  );
}

/** Switches a discount off for good: it stops applying at once, and its history stays. */
export async function deactivateDiscount(ctx: PromotionsContext, id: string): Promise<MutationOutcome<Discount>> {
  return runMutation(ctx, async (tx) => {
    const discount = await findDiscountForUpdate(tx.em, id);
    if (!discount.deactivatedAt) {
      discount.deactivatedAt = new Date();
      discount.updatedAt = new Date();
      await tx.em.flush();
    }
    return discount;
  });
}

/** Writes the discount in the transaction unless it has errors or its code is taken (the database's unique index has the last word). */
async function save(tx: PromotionsContext, discount: Discount, errors: UserError[]): Promise<Discount> {
  if (discount.codeKey && (await tx.em.count(Discount, { codeKey: discount.codeKey, id: { $ne: discount.id } }))) {
    errors.push(codeTaken(discount.code ?? ''));
  }
  if (errors.length) throw new UserErrorsException(errors);
  discount.updatedAt = new Date();
  tx.em.persist(discount);
  await tx.em.flush();
  return discount;
}
