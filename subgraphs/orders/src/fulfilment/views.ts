/** Fulfilment orders and fulfilments as the API shows them, with the order numbers and line titles read in one query each. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Fulfillment, type FulfillmentOrder, FulfillmentState, Order, OrderLine, openUnits } from '../entities';
import type { FulfillmentOrderView, FulfillmentView } from '../types/fulfillment.types';

export async function fulfillmentOrderViews(em: EntityManager, rows: readonly FulfillmentOrder[]): Promise<FulfillmentOrderView[]> {
  if (rows.length === 0) return [];
  const orderIds = [...new Set(rows.map((r) => r.orderId))];
  const [orders, lines] = await Promise.all([
    em.find(Order, { id: { $in: orderIds } }, { fields: ['id', 'number'] }),
    em.find(OrderLine, { orderId: { $in: orderIds } }, { fields: ['id', 'productTitle', 'variantTitle'] }),
  ]);
  const numbers = new Map(orders.map((o) => [o.id, o.number]));
  const titles = new Map(lines.map((l) => [l.id, l]));
  return rows.map((row) => ({
    id: row.id,
    orderId: row.orderId,
    orderNumber: numbers.get(row.orderId) ?? '',
    location: { id: row.locationId },
    destination: row.destinationLocationId ? { id: row.destinationLocationId } : null,
    method: row.method,
    status: row.status,
    lines: row.lines.map((line) => ({
      orderLineId: line.orderLineId,
      sku: line.sku,
      title: titles.get(line.orderLineId)?.productTitle ?? line.sku,
      variantTitle: titles.get(line.orderLineId)?.variantTitle ?? null,
      quantity: line.quantity,
      fulfilledQuantity: line.fulfilled,
      removedQuantity: line.removed,
      remainingQuantity: openUnits(line),
    })),
    transfer: row.transferId ? { id: row.transferId } : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

export function fulfillmentView(row: Fulfillment): FulfillmentView {
  return {
    id: row.id,
    kind: row.kind,
    location: { id: row.locationId },
    lines: row.lines,
    tracking: row.tracking,
    confirmed: row.state === FulfillmentState.DONE,
    createdAt: row.createdAt,
  };
}
