/**
 * Fulfilment orders: made at placement from where the checkout held the stock, one per
 * location, and changed only under their order's lock. Every change raises the version and
 * writes fulfillment_order.changed to the outbox in the same transaction, which is what a
 * store's live pick list follows.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { publishEvents, type EventInput } from '#platform/outbox';
import { SCHEMA } from '../constants';
import { FulfillmentOrderChanged } from '../contract';
import {
  FulfillmentMethod,
  FulfillmentOrder,
  FulfillmentOrderStatus,
  openUnits,
  type FulfillmentOrderLineData,
  type Order,
  type OrderLine,
} from '../entities';

/** Units of a SKU held for the order at a location (the checkout's reservation). */
export interface HeldUnits {
  sku: string;
  locationId: string;
  quantity: number;
}

/**
 * Persists the order's fulfilment orders in `em`, one per location holding its stock (the
 * caller's flush writes them), and answers the events that announce them, for the caller to
 * publish with the order's own.
 */
export function createFulfillmentOrders(
  em: EntityManager,
  order: Order,
  lines: readonly OrderLine[],
  held: readonly HeldUnits[],
): EventInput[] {
  const bySku = new Map(lines.map((line) => [line.sku, line]));
  const byLocation = new Map<string, FulfillmentOrderLineData[]>();
  for (const units of held) {
    const line = bySku.get(units.sku);
    if (!line || units.quantity <= 0) continue;
    const planned = byLocation.get(units.locationId) ?? [];
    planned.push({ orderLineId: line.id, sku: line.sku, quantity: units.quantity, fulfilled: 0, removed: 0 });
    byLocation.set(units.locationId, planned);
  }
  const made: FulfillmentOrder[] = [];
  for (const [locationId, planned] of byLocation) {
    const shipToStore = order.fulfillmentMethod === FulfillmentMethod.SHIP_TO_STORE;
    const fulfillmentOrder = Object.assign(new FulfillmentOrder(), {
      orderId: order.id,
      locationId,
      destinationLocationId: shipToStore ? order.pickupLocationId : null,
      method: order.fulfillmentMethod,
      status: shipToStore ? FulfillmentOrderStatus.AWAITING_TRANSFER : FulfillmentOrderStatus.OPEN,
      lines: planned.sort((a, b) => positionOf(lines, a) - positionOf(lines, b)),
    });
    em.persist(fulfillmentOrder);
    made.push(fulfillmentOrder);
  }
  return made.map((fo) => changedEvent(order, fo));
}

const positionOf = (lines: readonly OrderLine[], planned: FulfillmentOrderLineData): number =>
  lines.find((l) => l.id === planned.orderLineId)?.position ?? 0;

/** The status its lines say, for an order that is not (or no longer) waiting at a store. */
export function statusFromLines(fulfillmentOrder: FulfillmentOrder): FulfillmentOrderStatus {
  const open = fulfillmentOrder.lines.reduce((sum, l) => sum + openUnits(l), 0);
  const fulfilled = fulfillmentOrder.lines.reduce((sum, l) => sum + l.fulfilled, 0);
  if (open > 0) {
    if (fulfillmentOrder.status === FulfillmentOrderStatus.AWAITING_TRANSFER) return FulfillmentOrderStatus.AWAITING_TRANSFER;
    if (fulfillmentOrder.status === FulfillmentOrderStatus.READY_FOR_PICKUP) return FulfillmentOrderStatus.READY_FOR_PICKUP;
    return fulfilled > 0 ? FulfillmentOrderStatus.IN_PROGRESS : FulfillmentOrderStatus.OPEN;
  }
  return fulfilled > 0 ? FulfillmentOrderStatus.CLOSED : FulfillmentOrderStatus.CANCELLED;
}

/** Raises the versions of changed fulfilment orders and writes their events, in the caller's transaction. */
export async function touch(em: EntityManager, order: Order, changed: readonly FulfillmentOrder[]): Promise<void> {
  for (const fulfillmentOrder of changed) {
    fulfillmentOrder.version += 1;
    fulfillmentOrder.updatedAt = new Date();
  }
  await announce(em, order, changed);
}

async function announce(em: EntityManager, order: Order, changed: readonly FulfillmentOrder[]): Promise<void> {
  await em.flush();
  await publishEvents(
    em,
    SCHEMA,
    changed.map((fo) => changedEvent(order, fo)),
  );
}

function changedEvent(order: Order, fo: FulfillmentOrder): EventInput {
  return FulfillmentOrderChanged.event(fo.id, {
    fulfillmentOrderId: fo.id,
    orderId: order.id,
    number: order.number,
    locationId: fo.locationId,
    destinationLocationId: fo.destinationLocationId,
    method: fo.method,
    status: fo.status,
    version: fo.version,
    occurredAt: fo.updatedAt.toISOString(),
  });
}
