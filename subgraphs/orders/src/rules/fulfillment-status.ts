/**
 * An order's fulfillmentStatus, derived from its lines' counters and whether it waits at a store:
 * nothing left, some left, all left (PICKED_UP when collected at a store); READY_FOR_PICKUP while
 * it waits there with nothing handed over yet. Cancelled units count as neither ordered nor open.
 * Units that came back make it PARTIALLY_RETURNED, and RETURNED once every unit that left is back.
 */
export function fulfillmentStatus(
  lines: readonly { quantity: number; quantityFulfilled: number; quantityCancelled?: number; quantityReturned?: number }[],
  pickup: { collected: boolean; ready: boolean } = { collected: false, ready: false },
): 'UNFULFILLED' | 'PARTIALLY_FULFILLED' | 'FULFILLED' | 'READY_FOR_PICKUP' | 'PICKED_UP' | 'PARTIALLY_RETURNED' | 'RETURNED' {
  const ordered = lines.reduce((sum, l) => sum + l.quantity - (l.quantityCancelled ?? 0), 0);
  const fulfilled = lines.reduce((sum, l) => sum + l.quantityFulfilled, 0);
  const returned = lines.reduce((sum, l) => sum + (l.quantityReturned ?? 0), 0);
  if (returned > 0) return returned >= fulfilled && fulfilled >= ordered ? 'RETURNED' : 'PARTIALLY_RETURNED';
  if (fulfilled === 0) {
    if (ordered === 0) return lines.length === 0 ? 'FULFILLED' : 'UNFULFILLED';
    return pickup.ready ? 'READY_FOR_PICKUP' : 'UNFULFILLED';
  }
  if (fulfilled < ordered) return 'PARTIALLY_FULFILLED';
  return pickup.collected ? 'PICKED_UP' : 'FULFILLED';
}
