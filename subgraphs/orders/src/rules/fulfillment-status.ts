/** An order's fulfillmentStatus from its lines' counters: nothing left, some left, all left. */
export function fulfillmentStatus(
  lines: readonly { quantity: number; quantityFulfilled: number }[],
): 'UNFULFILLED' | 'PARTIALLY_FULFILLED' | 'FULFILLED' {
  const ordered = lines.reduce((sum, l) => sum + l.quantity, 0);
  const fulfilled = lines.reduce((sum, l) => sum + l.quantityFulfilled, 0);
  if (fulfilled === 0) return ordered === 0 ? 'FULFILLED' : 'UNFULFILLED';
  return fulfilled >= ordered ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
}
