/**
 * An order's fulfillmentStatus, derived from its lines' counters and whether it waits at a store:
 * nothing left, some left, all left (PICKED_UP when collected at a store); READY_FOR_PICKUP while
 * it waits there with nothing handed over yet. Cancelled units count as neither ordered nor open.
 */
export function fulfillmentStatus(
  lines: readonly { quantity: number; quantityFulfilled: number; quantityCancelled?: number }[],
  pickup: { collected: boolean; ready: boolean } = { collected: false, ready: false },
): 'UNFULFILLED' | 'PARTIALLY_FULFILLED' | 'FULFILLED' | 'READY_FOR_PICKUP' | 'PICKED_UP' {
  const ordered = lines.reduce((sum, l) => sum + l.quantity - (l.quantityCancelled ?? 0), 0);
  const fulfilled = lines.reduce((sum, l) => sum + l.quantityFulfilled, 0);
  if (fulfilled === 0) {
    if (ordered === 0) return lines.length === 0 ? 'FULFILLED' : 'UNFULFILLED';
    return pickup.ready ? 'READY_FOR_PICKUP' : 'UNFULFILLED';
  }
  if (fulfilled < ordered) return 'PARTIALLY_FULFILLED';
  return pickup.collected ? 'PICKED_UP' : 'FULFILLED';
}
