/**
 * Ship to store: at placement, each source location of the order gets a transfer to the pickup
 * store through inventory's own transfer commands, carrying the units held for the order (so
 * they stay the order's in transit and are held again at the store on receipt). The order is
 * ready for pickup only once the store received it (pickup.ts asks inventory).
 */
import { LockMode } from '@mikro-orm/core';
import { InventoryTransferCreate, InventoryTransfersRead, type TransferResult } from '#contracts/inventory';
import type { InternalClient } from '#platform/internal';
import type { CheckoutRow } from '../checkout/checkout-row';
import type { CheckoutDeps } from '../checkout/deps';
import { stepKeys } from '../checkout/keys';
import { FulfillmentOrder, Order, openUnits } from '../entities';
import { touch } from './fulfillment-orders';

/** Creates the transfers of a placed ship-to-store order that lack one; true when none is missing. */
export async function createTransfers(deps: CheckoutDeps, checkout: CheckoutRow): Promise<boolean> {
  if (checkout.plan.cart.delivery?.method !== 'SHIP_TO_STORE') return true;
  // By the checkout, not the row's order_id: the row in hand may have been read before the order was placed.
  const order = await deps.em().findOneOrFail(Order, { checkoutId: checkout.id });
  const waiting = await deps.em().find(FulfillmentOrder, { orderId: order.id, transferId: null, destinationLocationId: { $ne: null } });
  let all = true;
  for (const fulfillmentOrder of waiting) {
    const result = await deps.inventory.call({}, InventoryTransferCreate, {
      input: {
        fromLocationId: fulfillmentOrder.locationId,
        toLocationId: fulfillmentOrder.destinationLocationId as string,
        lines: fulfillmentOrder.lines.filter((l) => openUnits(l) > 0).map((l) => ({ sku: l.sku, quantity: openUnits(l) })),
        idempotencyKey: `${stepKeys(checkout.id).stock}:transfer:${fulfillmentOrder.id}`,
        reservationId: (checkout.steps.stock?.reservationId as string | null) ?? stepKeys(checkout.id).stock,
        reference: `Order ${order.number}`,
        note: `Ship to store for order ${order.number}`,
      },
    });
    if (!result.ok || !result.value.inventoryTransfer) {
      deps.logger.warn({ checkout: checkout.id, result }, 'checkout: ship-to-store transfer not created; retried later');
      all = false;
      continue;
    }
    const transferId = result.value.inventoryTransfer.id;
    await deps.em().transactional(async (em) => {
      const locked = await em.findOneOrFail(Order, { id: order.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const row = await em.findOneOrFail(FulfillmentOrder, { id: fulfillmentOrder.id });
      if (row.transferId) return;
      row.transferId = transferId;
      await touch(em, locked, [row]);
    });
  }
  return all;
}

/** The transfers by id, as inventory has them; unknown ids are left out. Null when inventory did not answer. */
export async function readTransfers(inventory: InternalClient, ids: readonly string[]): Promise<Map<string, TransferResult> | null> {
  if (ids.length === 0) return new Map();
  const result = await inventory.call({}, InventoryTransfersRead, { ids: [...ids] });
  if (!result.ok) return null;
  return new Map(result.value.map((t) => [t.id, t]));
}
