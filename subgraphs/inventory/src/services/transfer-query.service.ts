import { isUuid } from '#platform/db';
import { pageRequest, toConnection, type ConnectionArgs, type ConnectionShape } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { InventoryTransfer, type TransferStatus } from '../entities';
import { newestFirstCursor, newestFirstPage } from './stock-document';

/** A transfer by id; null for an unknown or malformed id. */
export function findTransfer(ctx: InventoryContext, id: string): Promise<InventoryTransfer | null> {
  return isUuid(id) ? ctx.em.findOne(InventoryTransfer, { id }) : Promise.resolve(null);
}

/** The most transfers one read by ids may name, like any list argument. */
export const TRANSFERS_BY_IDS_LIMIT = 250;

/** Transfers by id, in the order asked, unknown or malformed ids left out (the list is capped at the schema's list limit). */
export async function findTransfersByIds(ctx: InventoryContext, ids: readonly string[]): Promise<InventoryTransfer[]> {
  const wanted = [...new Set(ids.filter(isUuid))].slice(0, TRANSFERS_BY_IDS_LIMIT);
  if (!wanted.length) return [];
  const found = new Map((await ctx.em.find(InventoryTransfer, { id: { $in: wanted } })).map((t) => [t.id, t]));
  return wanted.flatMap((id) => found.get(id) ?? []);
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
