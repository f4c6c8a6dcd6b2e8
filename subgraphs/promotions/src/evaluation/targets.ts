/** Which basket lines a discount looks at: the basis of its minimums, amount and allocation. */
import type { DiscountRule, EvaluationLine } from './types';

/** Indexes of the lines `target` selects, in basket order. */
export function targetedLineIndexes(target: DiscountRule['target'], lines: readonly EvaluationLine[]): number[] {
  const productIds = new Set(target.productIds);
  const categoryIds = new Set(target.categoryIds);
  const indexes: number[] = [];
  lines.forEach((line, index) => {
    const selected =
      target.type === 'ALL' ||
      (target.type === 'PRODUCTS' && productIds.has(line.productId)) ||
      (target.type === 'CATEGORIES' && line.categoryIds.some((id) => categoryIds.has(id)));
    if (selected) indexes.push(index);
  });
  return indexes;
}
