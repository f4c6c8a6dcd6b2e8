import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, runMutation, sql, type MutationOutcome } from '#platform/db';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { PurchaseOrderStatus, type PurchaseOrder } from '../entities';
import type { ReplenishmentSuggestion } from '../types/replenishment.types';
import { suggestedQuantity } from '../rules/replenishment';
import { MAX_DOCUMENT_LINES, numberTaken } from '../rules/stock-document';
import { requireLocations } from './location-lookup';
import { insertPurchaseOrder } from './purchase-order.service';

/** Supplier of the purchase order that collects suggestions for SKUs without one. */
export const UNASSIGNED_SUPPLIER = 'Unassigned';

interface SuggestionRow {
  location_id: string;
  sku: string;
  available: number;
  incoming: number;
  threshold: number;
  supplier: string | null;
  case_size: number;
  on_draft_orders: number;
}

/**
 * Levels with a threshold whose available plus incoming stock is at or below it, with what to
 * order: up to twice the threshold, in whole cases, at least one case. One statement.
 */
export async function suggestReplenishment(ctx: InventoryContext, locationId?: string | null): Promise<ReplenishmentSuggestion[]> {
  if (locationId != null && !isUuid(locationId)) return [];
  return findSuggestions(ctx.em, locationId ?? null);
}

async function findSuggestions(em: EntityManager, locationId: string | null): Promise<ReplenishmentSuggestion[]> {
  const rows = await sql<SuggestionRow>(
    em,
    `select l.location_id, l.sku, l.on_hand - l.reserved as available, l.incoming, l.low_stock_threshold as threshold,
            i.supplier, coalesce(i.case_size, 1) as case_size, coalesce(d.quantity, 0)::int as on_draft_orders
       from ${SCHEMA}.inventory_level l
       left join ${SCHEMA}.inventory_item i on i.sku = l.sku
       left join lateral (
         select sum((line->>'quantityOrdered')::int) as quantity
           from ${SCHEMA}.purchase_order po cross join jsonb_array_elements(po.lines) line
          where po.status = ? and po.location_id = l.location_id and line->>'sku' = l.sku
       ) d on true
      where l.low_stock_threshold is not null
        and (l.on_hand - l.reserved) + l.incoming <= l.low_stock_threshold
        and (?::uuid is null or l.location_id = ?::uuid)
      order by l.location_id, l.sku collate "C"`,
    [PurchaseOrderStatus.DRAFT, locationId, locationId],
  );
  return rows.map((row) => ({
    locationId: row.location_id,
    sku: row.sku,
    available: row.available,
    incoming: row.incoming,
    threshold: row.threshold,
    suggestedQuantity: suggestedQuantity(row, row.case_size),
    caseSize: Math.max(1, row.case_size),
    supplier: row.supplier,
    quantityOnDraftOrders: row.on_draft_orders,
  }));
}

/**
 * Turns a location's suggestions into DRAFT purchase orders, one per supplier (SKUs without a
 * supplier under "Unassigned"). SKUs already on a draft order to the location are left to that
 * draft, so running this twice does not order twice.
 */
export async function createReplenishmentOrders(ctx: InventoryContext, locationId: string): Promise<MutationOutcome<PurchaseOrder[]>> {
  return runMutation(
    ctx,
    async ({ em }) => {
      await requireLocations(em, [{ id: locationId, path: ['locationId'] }]);
      // Two concurrent runs for one location would both see no drafts: take turns.
      await sql(em, `select pg_advisory_xact_lock(hashtext(?))`, [`replenishment:${locationId}`]);
      const suggestions = (await findSuggestions(em, locationId)).filter((s) => s.quantityOnDraftOrders === 0);
      const bySupplier = new Map<string, ReplenishmentSuggestion[]>();
      for (const suggestion of suggestions) {
        const supplier = suggestion.supplier ?? UNASSIGNED_SUPPLIER;
        bySupplier.set(supplier, [...(bySupplier.get(supplier) ?? []), suggestion]);
      }
      const orders: PurchaseOrder[] = [];
      for (const supplier of [...bySupplier.keys()].sort()) {
        const lines = (bySupplier.get(supplier) ?? []).map((s) => ({ sku: s.sku, quantity: s.suggestedQuantity }));
        for (let start = 0; start < lines.length; start += MAX_DOCUMENT_LINES) {
          orders.push(await insertPurchaseOrder(em, { supplier, locationId, lines: lines.slice(start, start + MAX_DOCUMENT_LINES) }));
        }
      }
      return orders;
    },
    { onUniqueViolation: numberTaken },
  );
}
