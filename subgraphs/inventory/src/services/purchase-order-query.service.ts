import { isUuid } from '#platform/db';
import { pageRequest, toConnection, type ConnectionArgs, type ConnectionShape } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { PurchaseOrder, type PurchaseOrderStatus } from '../entities';
import { newestFirstCursor, newestFirstPage } from './stock-document';

/** A purchase order by id; null for an unknown or malformed id. */
export function findPurchaseOrder(ctx: InventoryContext, id: string): Promise<PurchaseOrder | null> {
  return isUuid(id) ? ctx.em.findOne(PurchaseOrder, { id }) : Promise.resolve(null);
}

/** Purchase orders newest first, optionally of one status. */
export async function listPurchaseOrders(
  ctx: InventoryContext,
  args: ConnectionArgs & { status?: PurchaseOrderStatus | null },
): Promise<ConnectionShape<PurchaseOrder>> {
  const page = pageRequest(args, { backward: true });
  const { where, orderBy } = newestFirstPage(page);
  const rows = await ctx.em.find(
    PurchaseOrder,
    { ...(args.status ? { status: args.status } : {}), ...where },
    { orderBy, limit: page.limit },
  );
  return toConnection(rows, page, newestFirstCursor);
}
