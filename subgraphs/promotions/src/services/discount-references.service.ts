import { UserError } from '#platform/graphql';
import { unknownEntityKeys } from '#platform/internal';
import type { PromotionsContext } from '../context';
import { DiscountTargetType } from '../entities';
import { PromotionsErrorCode as Code } from '../errors';
import type { DiscountReferences } from '../rules/discount-rules';

/**
 * What a discount names that its owner does not know: products and categories (the products
 * subgraph), customer segments (the customers subgraph), as user errors. Asked on the request's
 * context before a mutation's transaction opens, never inside it, so no connection or row lock
 * waits on the network; at most one call per subgraph, both at once. When an owner cannot
 * answer, a SUBGRAPH_UNAVAILABLE error, and the mutation writes nothing.
 */
export async function unknownReferences(ctx: PromotionsContext, references: DiscountReferences): Promise<UserError[]> {
  const [targets, segments] = await Promise.all([unknownTargets(ctx, references), unknownSegments(ctx, references.segmentIds)]);
  return [...targets, ...segments];
}

async function unknownTargets(ctx: PromotionsContext, { targetType, productIds, categoryIds }: DiscountReferences): Promise<UserError[]> {
  const [typename, field, ids] =
    targetType === DiscountTargetType.PRODUCTS
      ? ['Product', 'productIds', productIds]
      : targetType === DiscountTargetType.CATEGORIES
        ? ['Category', 'categoryIds', categoryIds]
        : [null, null, []];
  if (!typename || ids.length === 0) return [];
  const unknown = await unknownEntityKeys(ctx, ctx.products, typename, 'id', ids);
  return unknown.map((id) => new UserError(['input', 'appliesTo', field], `No ${typename.toLowerCase()} with id "${id}"`, Code.NOT_FOUND));
}

async function unknownSegments(ctx: PromotionsContext, segmentIds: string[]): Promise<UserError[]> {
  if (segmentIds.length === 0) return [];
  const unknown = await unknownEntityKeys(ctx, ctx.customers, 'Segment', 'id', segmentIds);
  return unknown.map((id) => new UserError(['input', 'segmentIds'], `No customer segment with id "${id}"`, Code.NOT_FOUND));
}
