import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '#platform/db';
import { SCHEMA } from '../constants';
import { Product, ProductStatus } from '../entities';

export interface CategoryProductsKey {
  categoryId: string;
  limit: number;
  /** [title, id] of the last product already seen (of the `before` cursor when paging backward). */
  after: [string, string] | null;
  /** `asc` (title order) reading forward; `desc` reading backward. */
  order: 'asc' | 'desc';
}

/**
 * The ACTIVE products in each category and the categories below it, title order, one page each.
 * Keys sharing a page size and cursor are answered by one statement, ranked per category, on
 * `em`'s transaction when it has one.
 */
export function createCategoryProductsLoader(em: EntityManager) {
  return new DataLoader<CategoryProductsKey, Product[], string>(
    async (keys) => {
      const groups = new Map<string, CategoryProductsKey[]>();
      for (const key of keys) {
        const group = `${key.order}|${key.limit}|${JSON.stringify(key.after)}`;
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const results = new Map<string, Product[]>();
      for (const group of groups.values()) {
        const { limit, after, order } = group[0];
        const rows = await sql(
          em,
          `with recursive tree(root_id, id) as (
             select id, id from ${SCHEMA}.category where id = any(?::uuid[])
             union all
             select tree.root_id, c.id from ${SCHEMA}.category c join tree on c.parent_id = tree.id)
           select * from (
             select tree.root_id, p.*, row_number() over (partition by tree.root_id order by p.title ${order}, p.id ${order}) as rank
             from tree join ${SCHEMA}.product p on p.category_id = tree.id
             where p.status = ? ${after ? `and (p.title, p.id) ${order === 'asc' ? '>' : '<'} (?, ?::uuid)` : ''}
           ) ranked where rank <= ? order by root_id, rank`,
          [group.map((k) => k.categoryId), ProductStatus.ACTIVE, ...(after ?? []), limit],
        );
        for (const key of group) results.set(cacheKey(key), []);
        for (const { root_id: rootId, rank: _rank, ...row } of rows) {
          results.get(cacheKey({ categoryId: String(rootId), limit, after, order }))?.push(em.map(Product, row));
        }
      }
      return keys.map((key) => results.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

function cacheKey(key: CategoryProductsKey): string {
  return `${key.categoryId}|${key.order}|${key.limit}|${JSON.stringify(key.after)}`;
}
