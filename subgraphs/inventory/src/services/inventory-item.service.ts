import { runMutation, sql, type MutationOutcome } from '#platform/db';
import { validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { InventoryItem } from '../entities';
import type { InventoryItemUpdateInput } from '../inputs/inventory-item.input';
import type { InventoryItemType } from '../types/replenishment.types';
import { unknownSkuErrors } from './sku-check';

/** Purchasing facts of a SKU; null when none were ever set. */
export async function findInventoryItem(ctx: InventoryContext, sku: string): Promise<InventoryItemType | null> {
  const item = await ctx.em.findOne(InventoryItem, { sku });
  return item && { sku: item.sku, supplier: item.supplier, caseSize: item.caseSize };
}

/**
 * Sets a SKU's supplier and case size, creating its purchasing facts on first use. One upsert,
 * so two first-time updates of the same SKU cannot collide.
 */
export async function updateInventoryItem(
  ctx: InventoryContext,
  input: InventoryItemUpdateInput,
): Promise<MutationOutcome<InventoryItemType>> {
  const errors = await validateInput(input, ['input']);
  if (!errors.length) errors.push(...(await unknownSkuErrors(ctx, [{ sku: input.sku, path: ['input', 'sku'] }])));
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    const setSupplier = input.supplier !== undefined;
    const setCaseSize = input.caseSize != null;
    const [row] = await sql<{ sku: string; supplier: string | null; case_size: number }>(
      tx.em,
      `insert into ${SCHEMA}.inventory_item (sku, supplier, case_size) values (?, ?, ?)
       on conflict (sku) do update set
         supplier = case when ?::boolean then excluded.supplier else inventory_item.supplier end,
         case_size = case when ?::boolean then excluded.case_size else inventory_item.case_size end
       returning sku, supplier, case_size`,
      [input.sku, input.supplier?.trim() ?? null, input.caseSize ?? 1, setSupplier, setCaseSize],
    );
    return { sku: row.sku, supplier: row.supplier, caseSize: row.case_size };
  });
}
