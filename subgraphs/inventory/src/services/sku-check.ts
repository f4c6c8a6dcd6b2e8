import { sql } from '#platform/db';
import { UserError } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { InventoryErrorCode } from '../errors';

/**
 * Refuses SKUs the catalog does not know: one user error per unknown SKU, on its input field. A
 * SKU already stocked somewhere is known; the others are asked of the products subgraph in one
 * call. It waits on the network, so it runs before the mutation's transaction, on the request's
 * context; when the catalog cannot answer it throws SUBGRAPH_UNAVAILABLE and nothing is changed.
 */
export async function unknownSkuErrors(ctx: InventoryContext, skus: readonly { sku: string; path: string[] }[]): Promise<UserError[]> {
  if (ctx.inTransaction) throw new Error('SKUs are checked against the catalog before the transaction, never inside it');
  const distinct = [...new Set(skus.map((s) => s.sku))];
  if (distinct.length === 0) return [];
  // Plain rows: partial entities would linger in the request's identity map.
  const stocked = await sql<{ sku: string }>(ctx.em, `select distinct sku from ${SCHEMA}.inventory_level where sku = any(?)`, [distinct]);
  const stockedSkus = new Set(stocked.map((row) => row.sku));
  const unknown = new Set(
    await ctx.catalog.unknownSkus(
      ctx,
      distinct.filter((s) => !stockedSkus.has(s)),
    ),
  );
  return skus
    .filter((s) => unknown.has(s.sku))
    .map((s) => new UserError(s.path, `No product variant has the SKU "${s.sku}"`, InventoryErrorCode.UNKNOWN_SKU));
}
