import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorCode, UserErrorsException, validateInput } from '#platform/graphql';
import { unknownEntityKeys } from '#platform/internal';
import type { PromotionsContext } from '../context';
import { Discount, DiscountTargetType } from '../entities';
import type { DiscountInput } from '../inputs/discount.input';
import { applyDiscountInput } from './discount-rules';
import { findDiscountForUpdate } from './discount-query.service';

const codeTaken = (code: string) =>
  new UserError(['input', 'code'], `Code "${code}" is already used by another discount`, UserErrorCode.TAKEN);

/** Creates a discount after checking every rule; nothing is written when one fails. */
export async function createDiscount(ctx: PromotionsContext, input: DiscountInput): Promise<MutationOutcome<Discount>> {
  const errors = await validateInput(input, ['input']);
  if (!input.title) errors.push(new UserError(['input', 'title'], 'A discount needs a title', UserErrorCode.BLANK));
  if (!input.kind) errors.push(new UserError(['input', 'kind'], 'A discount needs a kind', UserErrorCode.BLANK));
  if (errors.length) return { ok: false, userErrors: errors };
  return save(ctx, Object.assign(new Discount(), { currencyCode: ctx.currencyCode }), input);
}

/** Changes a discount; the result is checked as a whole, as if it were created anew. */
export async function updateDiscount(ctx: PromotionsContext, id: string, input: DiscountInput): Promise<MutationOutcome<Discount>> {
  const errors = await validateInput(input, ['input']);
  if (errors.length) return { ok: false, userErrors: errors };
  return runMutation(
    ctx.em,
    async (em) => {
      const discount = await findDiscountForUpdate(em, id);
      return apply(ctx, em, discount, input);
    },
    (constraint) => (constraint.includes('code') ? codeTaken(input.code ?? '') : undefined),
  );
}

/** Switches a discount off for good: it stops applying at once, and its history stays. */
export async function deactivateDiscount(ctx: PromotionsContext, id: string): Promise<MutationOutcome<Discount>> {
  return runMutation(ctx.em, async (em) => {
    const discount = await findDiscountForUpdate(em, id);
    if (!discount.deactivatedAt) {
      discount.deactivatedAt = new Date();
      discount.updatedAt = new Date();
      await em.flush();
    }
    return discount;
  });
}

function save(ctx: PromotionsContext, discount: Discount, input: DiscountInput): Promise<MutationOutcome<Discount>> {
  return runMutation(
    ctx.em,
    (em) => apply(ctx, em, discount, input),
    (constraint) => (constraint.includes('code') ? codeTaken(input.code ?? '') : undefined),
  );
}

async function apply(ctx: PromotionsContext, em: PromotionsContext['em'], discount: Discount, input: DiscountInput): Promise<Discount> {
  const errors: UserError[] = [];
  applyDiscountInput(discount, input, ctx.currencyCode, errors);
  if (discount.codeKey && (await em.count(Discount, { codeKey: discount.codeKey, id: { $ne: discount.id } })))
    errors.push(codeTaken(discount.code ?? ''));
  if (errors.length === 0) errors.push(...(await unknownTargets(ctx, discount)), ...(await unknownSegments(ctx, discount)));
  if (errors.length) throw new UserErrorsException(errors);
  discount.updatedAt = new Date();
  em.persist(discount);
  await em.flush();
  return discount;
}

/** Products and categories a discount targets must exist in the catalog. */
async function unknownTargets(ctx: PromotionsContext, discount: Discount): Promise<UserError[]> {
  const checks: [DiscountTargetType, string, string[], string][] = [
    [DiscountTargetType.PRODUCTS, 'Product', discount.productIds, 'productIds'],
    [DiscountTargetType.CATEGORIES, 'Category', discount.categoryIds, 'categoryIds'],
  ];
  const errors: UserError[] = [];
  for (const [type, typename, ids, field] of checks) {
    if (discount.targetType !== type) continue;
    for (const id of await unknownEntityKeys(ctx.productsUrl, typename, 'id', ids, { headers: await ctx.serviceHeaders() })) {
      errors.push(new UserError(['input', 'appliesTo', field], `No ${typename.toLowerCase()} with id "${id}"`, UserErrorCode.NOT_FOUND));
    }
  }
  return errors;
}

/** Customer segments a discount is for must exist in the customers subgraph. */
async function unknownSegments(ctx: PromotionsContext, discount: Discount): Promise<UserError[]> {
  const unknown = await unknownEntityKeys(ctx.customersUrl, 'Segment', 'id', discount.segmentIds, {
    headers: await ctx.serviceHeaders(),
    ownerName: 'customers service',
  });
  return unknown.map((id) => new UserError(['input', 'segmentIds'], `No customer segment with id "${id}"`, UserErrorCode.NOT_FOUND));
}
