import type { EntityManager } from '@mikro-orm/postgresql';
import { callerScope, requireLocationAccess, Role } from '#platform/auth';
import { idempotencyKeyErrors, idempotent, runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException, validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { InventoryLevel, InventoryTransfer, StockMovementReason, TransferStatus } from '../entities';
import { InventoryErrorCode } from '../errors';
import type { StockLineInput } from '../inputs/stock-line.input';
import type { InventoryTransferCreateInput } from '../inputs/transfer.input';
import { transferReceipts } from '../rules/receipts';
import { assertStatus, duplicateSkus, numberTaken, validateLines } from '../rules/stock-document';
import { requireLocations } from './location-lookup';
import { requireDocumentAccess } from './location-scope';
import { unknownSkuErrors } from './sku-check';
import { dropTransit, holdOnReceipt, requireHeldForTransfer, takeHoldForShipment } from './transfer-hold';
import { applyStockChanges, InsufficientStockError } from './stock-ledger';
import { freeNumber, lockDocument } from './stock-document';

const LABEL = 'transfer';
const reference = (transfer: InventoryTransfer) => `transfer:${transfer.id}`;

/**
 * Drafts a transfer: nothing moves until it ships. Its SKUs are checked against the catalog
 * first. With a reservation, the hold must have every line at the source (NOT_HELD). A retry
 * under the same idempotency key returns the same transfer.
 */
export async function createTransfer(
  ctx: InventoryContext,
  input: InventoryTransferCreateInput,
): Promise<MutationOutcome<InventoryTransfer>> {
  // Either store may ask: the one sending stock, or the one that needs it.
  requireLocationAccess(ctx.viewer, input.fromLocationId, input.toLocationId);
  const errors = await validateInput(input, ['input']);
  errors.push(...duplicateSkus(input.lines, ['input', 'lines']));
  if (input.fromLocationId === input.toLocationId) {
    errors.push(new UserError(['input', 'toLocationId'], 'A transfer needs two different locations', InventoryErrorCode.SAME_LOCATION));
  }
  if (input.reservationId && ctx.viewer.role !== Role.SERVICE) {
    errors.push(new UserError(['input', 'reservationId'], 'Only the order service moves held stock', InventoryErrorCode.NOT_ALLOWED));
  }
  if (!errors.length) {
    errors.push(
      ...(await unknownSkuErrors(
        ctx,
        input.lines.map((line, i) => ({ sku: line.sku, path: ['input', 'lines', String(i), 'sku'] })),
      )),
    );
  }
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(
    ctx,
    async ({ em }) => {
      const { idempotencyKey, ...request } = input;
      const { result } = await idempotent(
        em,
        SCHEMA,
        `inventoryTransferCreate:${callerScope(ctx.viewer)}`,
        idempotencyKey,
        request,
        async () => {
          await requireLocations(em, [
            { id: input.fromLocationId, path: ['input', 'fromLocationId'] },
            { id: input.toLocationId, path: ['input', 'toLocationId'] },
          ]);
          const reservationId = input.reservationId
            ? await requireHeldForTransfer(em, input.reservationId, input.fromLocationId, input.lines)
            : null;
          const transfer = Object.assign(new InventoryTransfer(), {
            number: await freeNumber(em, InventoryTransfer, 'TR'),
            fromLocationId: input.fromLocationId,
            toLocationId: input.toLocationId,
            lines: input.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, quantityReceived: 0 })),
            note: input.note?.trim() || null,
            reference: input.reference?.trim() || null,
            reservationId,
          });
          await em.persistAndFlush(transfer);
          return { transferId: transfer.id };
        },
      );
      return em.findOneOrFail(InventoryTransfer, { id: result.transferId });
    },
    { onUniqueViolation: numberTaken },
  );
}

/**
 * Ships a draft: every line leaves the source (TRANSFER_OUT, never below available; or out of
 * the reservation's hold when it carries one) and shows at the destination as incoming. All
 * lines or none; a retry under the same key replays.
 */
export async function shipTransfer(
  ctx: InventoryContext,
  id: string,
  idempotencyKey?: string | null,
): Promise<MutationOutcome<InventoryTransfer>> {
  await requireDocumentAccess(ctx, InventoryTransfer, id, (t) => [t.fromLocationId]);
  const keyErrors = idempotencyKeyErrors(idempotencyKey, { optional: true });
  if (keyErrors.length) return { ok: false, userErrors: keyErrors };
  return runMutation(ctx, async (tx) => {
    const { em } = tx;
    const { result } = await idempotent(em, SCHEMA, `inventoryTransferShip:${callerScope(tx.viewer)}`, idempotencyKey, { id }, async () => {
      const transfer = await lockDocument(em, InventoryTransfer, id, LABEL);
      assertStatus(transfer.status, [TransferStatus.DRAFT], 'shipped', LABEL);
      // Units a reservation holds leave its hold, not available stock.
      const carried = transfer.reservationId !== null;
      if (carried) await takeHoldForShipment(em, transfer);
      else await assertSourceHasStock(em, transfer);
      const common = { reference: reference(transfer), actor: tx.viewer.subject };
      try {
        await applyStockChanges(
          em,
          transfer.lines.flatMap((line) => [
            {
              sku: line.sku,
              locationId: transfer.fromLocationId,
              onHand: -line.quantity,
              reserved: carried ? -line.quantity : 0,
              reason: StockMovementReason.TRANSFER_OUT,
              guard: carried ? ('none' as const) : ('available' as const),
              ...common,
            },
            {
              sku: line.sku,
              locationId: transfer.toLocationId,
              incoming: line.quantity,
              reason: StockMovementReason.INCOMING,
              guard: 'none' as const,
              ...common,
            },
          ]),
        );
      } catch (error) {
        // Stock sold between the check above and the guarded update.
        if (error instanceof InsufficientStockError) throw new UserErrorsException([shortLine(transfer, error.sku, error.available)]);
        throw error;
      }
      transfer.status = TransferStatus.IN_TRANSIT;
      transfer.shippedAt = new Date();
      await em.flush();
      return { transferId: transfer.id };
    });
    return em.findOneOrFail(InventoryTransfer, { id: result.transferId }, { refresh: true });
  });
}

/** Names every line the source cannot cover, not only the first the ledger would refuse. */
async function assertSourceHasStock(em: EntityManager, transfer: InventoryTransfer): Promise<void> {
  const levels = await em.find(
    InventoryLevel,
    { locationId: transfer.fromLocationId, sku: { $in: transfer.lines.map((l) => l.sku) } },
    { refresh: true },
  );
  const available = new Map(levels.map((level) => [level.sku, level.onHand - level.reserved]));
  const short = transfer.lines.filter((line) => line.quantity > (available.get(line.sku) ?? 0));
  if (short.length) throw new UserErrorsException(short.map((line) => shortLine(transfer, line.sku, available.get(line.sku) ?? 0)));
}

function shortLine(transfer: InventoryTransfer, sku: string, available: number): UserError {
  const index = transfer.lines.findIndex((line) => line.sku === sku);
  const line = transfer.lines[index];
  return new UserError(
    ['lines', String(index), 'quantity'],
    `Line ${index + 1} (${sku}): ${line.quantity} to ship but only ${Math.max(0, available)} available at the source; nothing was shipped`,
    InventoryErrorCode.INSUFFICIENT_STOCK,
  );
}

/**
 * Receives shipped units at the destination, all at once or in parts: each line moves from
 * incoming to onHand (TRANSFER_IN). More than is still in transit is refused.
 */
export async function receiveTransfer(
  ctx: InventoryContext,
  id: string,
  lines: StockLineInput[],
  idempotencyKey?: string | null,
): Promise<MutationOutcome<InventoryTransfer>> {
  await requireDocumentAccess(ctx, InventoryTransfer, id, (t) => [t.toLocationId]);
  const errors = [...(await validateLines(lines, ['lines'])), ...idempotencyKeyErrors(idempotencyKey, { optional: true })];
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    const { em } = tx;
    const request = { id, lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) };
    const { result } = await idempotent(
      em,
      SCHEMA,
      `inventoryTransferReceive:${callerScope(tx.viewer)}`,
      idempotencyKey,
      request,
      async () => {
        const transfer = await lockDocument(em, InventoryTransfer, id, LABEL);
        assertStatus(transfer.status, [TransferStatus.IN_TRANSIT, TransferStatus.PARTIALLY_RECEIVED], 'received', LABEL);
        const received = transferReceipts(transfer, lines);
        // Units a reservation has on this transfer are held for it again here.
        const held = await holdOnReceipt(em, transfer, lines);
        await applyStockChanges(
          em,
          lines.map((line) => ({
            sku: line.sku,
            locationId: transfer.toLocationId,
            onHand: line.quantity,
            reserved: held.get(line.sku) ?? 0,
            incoming: -line.quantity,
            reason: StockMovementReason.TRANSFER_IN,
            guard: 'none' as const,
            reference: reference(transfer),
            actor: tx.viewer.subject,
          })),
        );
        transfer.lines = transfer.lines.map((line) => ({
          ...line,
          quantityReceived: line.quantityReceived + (received.get(line.sku) ?? 0),
        }));
        const complete = transfer.lines.every((line) => line.quantityReceived >= line.quantity);
        transfer.status = complete ? TransferStatus.RECEIVED : TransferStatus.PARTIALLY_RECEIVED;
        if (complete) transfer.receivedAt = new Date();
        await em.flush();
        return { transferId: transfer.id };
      },
    );
    return em.findOneOrFail(InventoryTransfer, { id: result.transferId }, { refresh: true });
  });
}

/** Cancels a draft; once shipped, stock is on the road and must be received. Cancelling twice is harmless. */
export async function cancelTransfer(ctx: InventoryContext, id: string): Promise<MutationOutcome<InventoryTransfer>> {
  await requireDocumentAccess(ctx, InventoryTransfer, id, (t) => [t.fromLocationId, t.toLocationId]);
  return runMutation(ctx, async ({ em }) => {
    const transfer = await lockDocument(em, InventoryTransfer, id, LABEL);
    if (transfer.status === TransferStatus.CANCELLED) return transfer;
    assertStatus(transfer.status, [TransferStatus.DRAFT], 'cancelled', LABEL);
    transfer.status = TransferStatus.CANCELLED;
    await em.flush();
    return transfer;
  });
}

/**
 * Closes a shipped transfer short: what has not arrived was lost on the way. It stops showing
 * as incoming at the destination, recorded as LOST there (it had already left the source).
 */
export async function closeTransfer(ctx: InventoryContext, id: string): Promise<MutationOutcome<InventoryTransfer>> {
  return runMutation(ctx, async (tx) => {
    const { em } = tx;
    const transfer = await lockDocument(em, InventoryTransfer, id, LABEL);
    if (transfer.status === TransferStatus.CLOSED) return transfer;
    assertStatus(transfer.status, [TransferStatus.IN_TRANSIT, TransferStatus.PARTIALLY_RECEIVED], 'closed', LABEL);
    const missing = transfer.lines.filter((line) => line.quantity > line.quantityReceived);
    await applyStockChanges(
      em,
      missing.map((line) => ({
        sku: line.sku,
        locationId: transfer.toLocationId,
        incoming: -(line.quantity - line.quantityReceived),
        reason: StockMovementReason.LOST,
        guard: 'none' as const,
        reference: reference(transfer),
        actor: tx.viewer.subject,
      })),
    );
    await dropTransit(em, transfer);
    transfer.status = TransferStatus.CLOSED;
    transfer.receivedAt = new Date();
    await em.flush();
    return transfer;
  });
}
