import type { EntityManager } from '@mikro-orm/postgresql';
import { callerScope } from '#platform/auth';
import { idempotencyKeyErrors, idempotent, runMutation, type MutationOutcome } from '#platform/db';
import { validateInput } from '#platform/graphql';
import { SCHEMA } from '../constants';
import type { InventoryContext } from '../context';
import { PurchaseOrder, PurchaseOrderStatus, StockMovementReason } from '../entities';
import type { PurchaseOrderCreateInput } from '../inputs/purchase-order.input';
import type { StockLineInput } from '../inputs/stock-line.input';
import { purchaseOrderOutstanding } from '../rules/receipts';
import { assertStatus, duplicateSkus, numberTaken, validateLines } from '../rules/stock-document';
import { requireLocations } from './location-lookup';
import { requireDocumentAccess } from './location-scope';
import { unknownSkuErrors } from './sku-check';
import { applyStockChanges, type StockChange } from './stock-ledger';
import { freeNumber, lockDocument } from './stock-document';

const LABEL = 'purchase order';
const reference = (order: PurchaseOrder) => `purchase-order:${order.id}`;

/** Drafts a purchase order: nothing is incoming until it is submitted. Its SKUs are checked against the catalog first. */
export async function createPurchaseOrder(ctx: InventoryContext, input: PurchaseOrderCreateInput): Promise<MutationOutcome<PurchaseOrder>> {
  const errors = await validateInput(input, ['input']);
  errors.push(...duplicateSkus(input.lines, ['input', 'lines']));
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
      await requireLocations(em, [{ id: input.locationId, path: ['input', 'locationId'] }]);
      return insertPurchaseOrder(em, {
        supplier: input.supplier.trim(),
        locationId: input.locationId,
        lines: input.lines,
        expectedAt: input.expectedAt ?? null,
      });
    },
    { onUniqueViolation: numberTaken },
  );
}

/** Writes a DRAFT purchase order of already-checked lines; replenishment uses it too. */
export async function insertPurchaseOrder(
  em: EntityManager,
  draft: { supplier: string; locationId: string; lines: { sku: string; quantity: number }[]; expectedAt?: Date | null },
): Promise<PurchaseOrder> {
  const order = Object.assign(new PurchaseOrder(), {
    number: await freeNumber(em, PurchaseOrder, 'PO'),
    supplier: draft.supplier,
    locationId: draft.locationId,
    lines: draft.lines.map((line) => ({ sku: line.sku, quantityOrdered: line.quantity, quantityReceived: 0 })),
    expectedAt: draft.expectedAt ?? null,
  });
  await em.persistAndFlush(order);
  return order;
}

/** Sends a draft to the supplier: every line shows as incoming at the location. */
export async function submitPurchaseOrder(
  ctx: InventoryContext,
  id: string,
  idempotencyKey?: string | null,
): Promise<MutationOutcome<PurchaseOrder>> {
  const keyErrors = idempotencyKeyErrors(idempotencyKey, { optional: true });
  if (keyErrors.length) return { ok: false, userErrors: keyErrors };
  return runMutation(ctx, async (tx) => {
    const { em } = tx;
    const { result } = await idempotent(em, SCHEMA, `purchaseOrderSubmit:${callerScope(tx.viewer)}`, idempotencyKey, { id }, async () => {
      const order = await lockDocument(em, PurchaseOrder, id, LABEL);
      assertStatus(order.status, [PurchaseOrderStatus.DRAFT], 'submitted', LABEL);
      await applyStockChanges(
        em,
        order.lines.map((line) => incomingChange(order, line.sku, line.quantityOrdered, tx.viewer.subject)),
      );
      order.status = PurchaseOrderStatus.SUBMITTED;
      order.submittedAt = new Date();
      await em.flush();
      return { purchaseOrderId: order.id };
    });
    return em.findOneOrFail(PurchaseOrder, { id: result.purchaseOrderId }, { refresh: true });
  });
}

/**
 * Receives delivered units, all at once or in parts: onHand grows by what arrived, incoming
 * shrinks by what was still expected of it (never below zero). More than remains on a line is
 * refused unless `allowOverReceipt`, for suppliers who deliver extra.
 */
export async function receivePurchaseOrder(
  ctx: InventoryContext,
  id: string,
  lines: StockLineInput[],
  allowOverReceipt: boolean,
  idempotencyKey?: string | null,
): Promise<MutationOutcome<PurchaseOrder>> {
  await requireDocumentAccess(ctx, PurchaseOrder, id, (order) => [order.locationId]);
  const errors = [...(await validateLines(lines, ['lines'])), ...idempotencyKeyErrors(idempotencyKey, { optional: true })];
  if (errors.length) return { ok: false, userErrors: errors };

  return runMutation(ctx, async (tx) => {
    const { em } = tx;
    const request = { id, lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), allowOverReceipt };
    const { result } = await idempotent(em, SCHEMA, `purchaseOrderReceive:${callerScope(tx.viewer)}`, idempotencyKey, request, async () => {
      const order = await lockDocument(em, PurchaseOrder, id, LABEL);
      assertStatus(order.status, [PurchaseOrderStatus.SUBMITTED, PurchaseOrderStatus.PARTIALLY_RECEIVED], 'received', LABEL);
      const remaining = purchaseOrderOutstanding(order, lines, allowOverReceipt);
      await applyStockChanges(
        em,
        lines.map((line) => ({
          sku: line.sku,
          locationId: order.locationId,
          onHand: line.quantity,
          incoming: -Math.min(line.quantity, remaining.get(line.sku) ?? 0),
          reason: StockMovementReason.RECEIVED,
          guard: 'none' as const,
          reference: reference(order),
          actor: tx.viewer.subject,
        })),
      );
      const received = new Map(lines.map((line) => [line.sku, line.quantity]));
      order.lines = order.lines.map((line) => ({ ...line, quantityReceived: line.quantityReceived + (received.get(line.sku) ?? 0) }));
      const complete = order.lines.every((line) => line.quantityReceived >= line.quantityOrdered);
      order.status = complete ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.PARTIALLY_RECEIVED;
      if (complete) order.receivedAt = new Date();
      await em.flush();
      return { purchaseOrderId: order.id };
    });
    return em.findOneOrFail(PurchaseOrder, { id: result.purchaseOrderId }, { refresh: true });
  });
}

/**
 * Cancels a draft, or a submitted order nothing has arrived for, releasing what it had made
 * incoming. Cancelling twice is harmless.
 */
export async function cancelPurchaseOrder(ctx: InventoryContext, id: string): Promise<MutationOutcome<PurchaseOrder>> {
  return runMutation(ctx, async (tx) => {
    const { em } = tx;
    const order = await lockDocument(em, PurchaseOrder, id, LABEL);
    if (order.status === PurchaseOrderStatus.CANCELLED) return order;
    assertStatus(order.status, [PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.SUBMITTED], 'cancelled', LABEL);
    if (order.status === PurchaseOrderStatus.SUBMITTED) {
      const open = order.lines.filter((line) => line.quantityOrdered > line.quantityReceived);
      await applyStockChanges(
        em,
        open.map((line) => incomingChange(order, line.sku, -(line.quantityOrdered - line.quantityReceived), tx.viewer.subject)),
      );
    }
    order.status = PurchaseOrderStatus.CANCELLED;
    await em.flush();
    return order;
  });
}

/** Closes a submitted or part-received order short: what was not delivered is no longer incoming. */
export async function closePurchaseOrder(ctx: InventoryContext, id: string): Promise<MutationOutcome<PurchaseOrder>> {
  return runMutation(ctx, async (tx) => {
    const { em } = tx;
    const order = await lockDocument(em, PurchaseOrder, id, LABEL);
    if (order.status === PurchaseOrderStatus.CLOSED) return order;
    assertStatus(order.status, [PurchaseOrderStatus.SUBMITTED, PurchaseOrderStatus.PARTIALLY_RECEIVED], 'closed', LABEL);
    const open = order.lines.filter((line) => line.quantityOrdered > line.quantityReceived);
    await applyStockChanges(
      em,
      open.map((line) => incomingChange(order, line.sku, -(line.quantityOrdered - line.quantityReceived), tx.viewer.subject)),
    );
    order.status = PurchaseOrderStatus.CLOSED;
    order.receivedAt = new Date();
    await em.flush();
    return order;
  });
}

/** A change of what is incoming at the order's location, by whoever acted on the order. */
function incomingChange(order: PurchaseOrder, sku: string, incoming: number, actor: string | null): StockChange {
  return {
    sku,
    locationId: order.locationId,
    incoming,
    reason: StockMovementReason.INCOMING,
    guard: 'none',
    reference: reference(order),
    actor,
  };
}
