/**
 * Step: hold the cart's stock where routing places it (fulfilment/plan.ts): at the pickup store
 * for PICKUP, with no stock figures read (inventory checks the store still offers pickup), by the
 * SHIP rule otherwise. The placements are written
 * to the checkout row before inventory is asked, so whoever resumes the checkout asks again with
 * the same lines under the same key. When another checkout took the stock between the read and
 * the hold, the cart is routed again on fresh figures (nothing is held under the key after a
 * refusal). Compensation: release it.
 */
import {
  InventoryReservationRelease,
  InventoryReserve,
  StockAvailability,
  StockErrorCode,
  type Channel,
  type ReservationResult,
} from '#contracts/inventory';
import { pickupPlacements, planPlacements, type Placement } from '../../fulfilment/plan';
import { recordStep, type CheckoutRow } from '../checkout-row';
import type { CheckoutDeps } from '../deps';
import { CheckoutErrorCode } from '../errors';
import { stepKeys } from '../keys';
import { refused, remoteRefusal, unavailable, type StepOutcome } from './outcome';

/** Routing rounds when concurrent checkouts keep taking the stock a plan counted on. */
const ROUTING_ATTEMPTS = 3;

export async function reserveStock(deps: CheckoutDeps, checkout: CheckoutRow): Promise<StepOutcome> {
  const { cart } = checkout.plan;
  let placements = checkout.steps.stock?.placements as Placement[] | undefined;
  for (let attempt = 1; ; attempt += 1) {
    if (!placements) {
      // PICKUP needs no figures: the store is chosen, and inventory's guarded hold says whether it has the units.
      const pickup = pickupPlacements(cart);
      if (pickup) placements = pickup;
      else {
        const availability = await deps.inventory.call({}, StockAvailability, { skus: cart.lines.map((l) => l.sku) });
        if (!availability.ok) return unavailable('inventory');
        const plan = planPlacements(cart, availability.value);
        if (!plan.ok)
          return refused(['cartId'], `Not enough stock of ${plan.sku}: ${plan.missing} missing`, CheckoutErrorCode.OUT_OF_STOCK);
        placements = plan.placements;
      }
      await recordStep(deps.em(), checkout.id, 'RUNNING', 'stock', { started: true, placements }, deps.leaseMs);
    }
    const result = await deps.inventory.call({}, InventoryReserve, {
      input: {
        key: stepKeys(checkout.id).stock,
        lines: placements,
        allowSplit: false,
        channel: cart.channel as Channel,
        reference: `checkout:${checkout.id}`,
        ttlSeconds: deps.holdSeconds,
        // Only an online shopper's pickup; a till sale or an exchange is handed over where it is settled.
        ...(checkout.plan.requirePickup ? { pickup: true } : {}),
      },
    });
    if (result.ok) return held(result.value.reservation, placements);
    if (result.reason === 'UNAVAILABLE') return unavailable('inventory');
    const closed = result.userErrors.find((e) => e.code === StockErrorCode.PICKUP_NOT_OFFERED);
    if (closed) return refused(['cartId'], `${closed.message}; choose another delivery`, CheckoutErrorCode.DELIVERY_NOT_AVAILABLE);
    const outOfStock = result.userErrors.find((e) => e.code === StockErrorCode.INSUFFICIENT_STOCK);
    if (!outOfStock) return remoteRefusal(result.userErrors, ['cartId'], CheckoutErrorCode.OUT_OF_STOCK);
    // PICKUP has nowhere else to go; SHIP may find the stock elsewhere on fresh figures.
    if (cart.delivery?.method === 'PICKUP' || attempt >= ROUTING_ATTEMPTS) {
      const index = Number(outOfStock.field?.[3] ?? NaN);
      const sku = Number.isInteger(index) ? placements[index]?.sku : undefined;
      const line = cart.lines.find((l) => l.sku === sku);
      return refused(
        ['cartId'],
        line ? `Not enough stock of ${line.sku} for ${line.quantity}` : 'Some items are out of stock',
        CheckoutErrorCode.OUT_OF_STOCK,
      );
    }
    placements = undefined;
  }
}

function held(reservation: ReservationResult | null, placements: Placement[]): StepOutcome {
  return { ok: true, record: { reservationId: reservation?.id ?? null, lines: reservation?.lines ?? placements, placements } };
}

/** Gives the stock back; true when nothing is held under the checkout's key any more. */
export async function releaseStock(deps: CheckoutDeps, checkout: CheckoutRow): Promise<boolean> {
  const result = await deps.inventory.call({}, InventoryReservationRelease, { id: stepKeys(checkout.id).stock });
  if (result.ok) return true;
  if (result.reason === 'UNAVAILABLE') return false;
  // Never made (NOT_FOUND): nothing held.
  return result.userErrors.every((e) => e.code === 'NOT_FOUND');
}
