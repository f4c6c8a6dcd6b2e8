/** Every remote step's idempotency key, derived from the cancellation: a retry or the sweeper sends the same one. */
export const cancelKeys = (cancellationId: string) => ({
  stock: (locationId: string) => `cancel:${cancellationId}:stock:${locationId}`,
  void: (paymentId: string) => `cancel:${cancellationId}:payment:${paymentId}:void`,
  refund: (paymentId: string) => `cancel:${cancellationId}:payment:${paymentId}:refund`,
});
