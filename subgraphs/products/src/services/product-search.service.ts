import type { Knex } from '@mikro-orm/postgresql';
import { forbidden, isStaff } from '#platform/auth';
import { isUuid, plainRowMapper } from '#platform/db';
import { MoneyFormatError, pageRequest, parseMinorUnits, toConnection, type ConnectionShape, type CurrencyCode } from '#platform/graphql';
import { badUserInput } from '#platform/runtime';
import { SCHEMA } from '../constants';
import type { ProductsContext } from '../context';
import { Product, ProductStatus } from '../entities';
import type { ProductFilter } from '../inputs/product-filter.input';
import { ProductSortKey } from '../inputs/product-filter.input';
import type { ProductsArgs } from '../inputs/products.args';

interface SortSpec {
  /** SQL for the sort value; `?` placeholders bound from `bindings`. */
  sql: string;
  bindings: unknown[];
  cast: string;
  descending: boolean;
}

/**
 * Lists products: text search, filters, a sort key and keyset pagination, in one statement.
 * Lists show ACTIVE products unless the filter asks for another status, which only staff may.
 */
export async function searchProducts(ctx: ProductsContext, args: ProductsArgs): Promise<ConnectionShape<Product>> {
  if (args.filter?.status && args.filter.status !== ProductStatus.ACTIVE && !isStaff(ctx.viewer)) {
    throw forbidden(`Only staff list ${args.filter.status} products`);
  }
  const page = pageRequest(args, { backward: true });
  const terms = searchTerms(args.query);
  const sortKey = args.sortKey ?? (terms.length > 0 ? ProductSortKey.RELEVANCE : ProductSortKey.TITLE);
  if (sortKey === ProductSortKey.RELEVANCE && terms.length === 0) {
    throw badUserInput('sortKey RELEVANCE needs a query', 'sortKey');
  }
  // Paging backward reads the list in the opposite order from `before`; toConnection turns the page back.
  const sort = sortSpec(sortKey, terms, Boolean(args.reverse) !== page.backward);

  const knex = ctx.em.getKnex();
  // Every column but search_text, which only the WHERE clause needs.
  const columns = ctx.em
    .getMetadata()
    .get(Product.name)
    .props.filter((prop) => !prop.lazy && prop.fieldNames)
    .flatMap((prop) => prop.fieldNames.map((f) => `p.${f}`));
  const qb = knex(`${SCHEMA}.product as p`).select(columns);
  applyFilter(knex, qb, args.filter ?? {}, ctx.currencyCode);
  for (const term of terms) qb.where('p.search_text', 'like', `%${escapeLike(term)}%`);

  if (page.after) {
    const [key, value, id] = page.after;
    if (key !== sortKey || typeof id !== 'string' || !isUuid(id) || value === undefined) {
      const argument = page.backward ? 'before' : 'after';
      throw badUserInput(`"${argument}" is not a cursor of this list and sort order`, argument);
    }
    const op = sort.descending ? '<' : '>';
    qb.whereRaw(`(${sort.sql}, p.id) ${op} (?::${sort.cast}, ?::uuid)`, [...sort.bindings, value, id]);
  }
  const direction = sort.descending ? 'desc' : 'asc';
  qb.select(knex.raw(`${sort.sql} as sort_value`, sort.bindings))
    .orderByRaw(`${sort.sql} ${direction}, p.id ${direction}`, sort.bindings)
    .limit(page.limit);

  const rows = (await qb) as Record<string, unknown>[];
  const sortValues = new Map<Product, unknown>();
  // Plain rows, not entities: a list page only reads them, and 24 merged entities cost more than the query.
  const toProduct = plainRowMapper(ctx.em, Product);
  const products = rows.map((row) => {
    const product = toProduct(row);
    sortValues.set(product, row.sort_value instanceof Date ? row.sort_value.toISOString() : row.sort_value);
    return product;
  });
  return toConnection(products, page, (product) => [sortKey, sortValues.get(product), product.id]);
}

function applyFilter(knex: Knex, qb: Knex.QueryBuilder, filter: ProductFilter, currency: CurrencyCode): void {
  qb.where('p.status', filter.status ?? ProductStatus.ACTIVE);
  if (filter.channel) qb.whereRaw('p.channels @> array[?]::text[]', [filter.channel]);
  if (filter.tag) qb.whereRaw('p.tags @> array[?]::text[]', [filter.tag]);
  if (filter.vendor) qb.whereRaw('lower(p.vendor) = lower(?)', [filter.vendor]);
  if (filter.categoryId) {
    if (!isUuid(filter.categoryId)) throw badUserInput(`No category with id "${filter.categoryId}"`, 'filter');
    qb.whereRaw(
      `p.category_id in (with recursive tree as (select id from ${SCHEMA}.category where id = ?
         union all select c.id from ${SCHEMA}.category c join tree on c.parent_id = tree.id)
       select id from tree)`,
      [filter.categoryId],
    );
  }
  const min = filter.minPrice != null ? priceFilter(filter.minPrice, currency, 'minPrice') : null;
  const max = filter.maxPrice != null ? priceFilter(filter.maxPrice, currency, 'maxPrice') : null;
  if (min !== null || max !== null) {
    qb.whereExists(function () {
      this.select(knex.raw('1')).from(`${SCHEMA}.product_variant as v`).whereRaw('v.product_id = p.id');
      if (min !== null) this.where('v.price_amount', '>=', min);
      if (max !== null) this.where('v.price_amount', '<=', max);
    });
  }
}

function priceFilter(amount: string, currency: CurrencyCode, field: string): number {
  try {
    return parseMinorUnits(amount, currency);
  } catch (error) {
    if (error instanceof MoneyFormatError) throw badUserInput(`filter.${field}: ${error.message}`, 'filter');
    throw error;
  }
}

function sortSpec(sortKey: ProductSortKey, terms: string[], reverse: boolean): SortSpec {
  const spec = ((): Omit<SortSpec, 'descending'> & { descending?: boolean } => {
    switch (sortKey) {
      case ProductSortKey.TITLE:
        return { sql: 'p.title', bindings: [], cast: 'text' };
      case ProductSortKey.PRICE:
        return { sql: 'p.min_price_amount', bindings: [], cast: 'bigint' };
      case ProductSortKey.CREATED_AT:
        return { sql: 'p.created_at', bindings: [], cast: 'timestamptz' };
      case ProductSortKey.UPDATED_AT:
        return { sql: 'p.updated_at', bindings: [], cast: 'timestamptz' };
      case ProductSortKey.ID:
        return { sql: 'p.id', bindings: [], cast: 'uuid' };
      case ProductSortKey.RELEVANCE:
        // Best match first; rounded so the cursor value compares exactly.
        return {
          sql: 'round(word_similarity(?, p.search_text)::numeric, 6)',
          bindings: [terms.join(' ')],
          cast: 'numeric',
          descending: true,
        };
    }
  })();
  return { ...spec, descending: (spec.descending ?? false) !== reverse };
}

/** Lower-cased words of the query; at most 10, each at least one character. */
function searchTerms(query: string | null | undefined): string[] {
  if (!query) return [];
  if (query.length > 255) throw badUserInput('query is longer than 255 characters', 'query');
  return query.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
