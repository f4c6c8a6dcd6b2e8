import { isUuid } from '#platform/db';
import { pageRequest, toConnection, type ConnectionArgs, type ConnectionShape } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { InventoryTransfer, type TransferStatus } from '../entities';
import { newestFirstCursor, newestFirstPage } from './stock-document';

/** A transfer by id; null for an unknown or malformed id. */
export function findTransfer(ctx: InventoryContext, id: string): Promise<InventoryTransfer | null> {
  return isUuid(id) ? ctx.em.findOne(InventoryTransfer, { id }) : Promise.resolve(null);
}

/** Transfers newest first, optionally of one status. */
export async function listTransfers(
  ctx: InventoryContext,
  args: ConnectionArgs & { status?: TransferStatus | null },
): Promise<ConnectionShape<InventoryTransfer>> {
  const page = pageRequest(args, { backward: true });
  const { where, orderBy } = newestFirstPage(page);
  const rows = await ctx.em.find(
    InventoryTransfer,
    { ...(args.status ? { status: args.status } : {}), ...where },
    { orderBy, limit: page.limit },
  );
  return toConnection(rows, page, newestFirstCursor);
}
