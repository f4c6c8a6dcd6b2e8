/** Step: hold the cart's stock (at the pickup store for PICKUP; where inventory routes it otherwise). Compensation: release it. */
import { InventoryReservationRelease, InventoryReserve, StockErrorCode, type Channel } from '#contracts/inventory';
import type { CheckoutRow } from '../checkout-row';
import type { CheckoutDeps } from '../deps';
import { CheckoutErrorCode } from '../errors';
import { stepKeys } from '../keys';
import { refused, remoteRefusal, unavailable, type StepOutcome } from './outcome';

export async function reserveStock(deps: CheckoutDeps, checkout: CheckoutRow): Promise<StepOutcome> {
  const { cart } = checkout.plan;
  const delivery = cart.delivery;
  const result = await deps.inventory.call({}, InventoryReserve, {
    input: {
      key: stepKeys(checkout.id).stock,
      lines: cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      locationId: delivery?.method === 'PICKUP' ? delivery.locationId : null,
      near: delivery?.near ?? null,
      allowSplit: true,
      channel: cart.channel as Channel,
      reference: `checkout:${checkout.id}`,
      ttlSeconds: deps.holdSeconds,
    },
  });
  if (result.ok) {
    const reservation = result.value.reservation;
    return { ok: true, record: { reservationId: reservation?.id ?? null, lines: reservation?.lines ?? [] } };
  }
  if (result.reason === 'UNAVAILABLE') return unavailable('inventory');
  const outOfStock = result.userErrors.find((e) => e.code === StockErrorCode.INSUFFICIENT_STOCK);
  if (outOfStock) {
    const index = Number(outOfStock.field?.[3] ?? NaN);
    const line = Number.isInteger(index) ? cart.lines[index] : undefined;
    return refused(
      ['cartId'],
      line ? `Not enough stock of ${line.sku} for ${line.quantity}` : 'Some items are out of stock',
      CheckoutErrorCode.OUT_OF_STOCK,
    );
  }
  return remoteRefusal(result.userErrors, ['cartId'], CheckoutErrorCode.OUT_OF_STOCK);
}

/** Gives the stock back; true when nothing is held under the checkout's key any more. */
export async function releaseStock(deps: CheckoutDeps, checkout: CheckoutRow): Promise<boolean> {
  const result = await deps.inventory.call({}, InventoryReservationRelease, { id: stepKeys(checkout.id).stock });
  if (result.ok) return true;
  if (result.reason === 'UNAVAILABLE') return false;
  // Never made (NOT_FOUND): nothing held.
  return result.userErrors.every((e) => e.code === 'NOT_FOUND');
}
