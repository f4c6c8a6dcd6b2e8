/** Every remote step's idempotency key, derived from the checkout: a retry or a sweeper sends the same one. */
export const stepKeys = (checkoutId: string) => ({
  stock: `checkout:${checkoutId}:stock`,
  discounts: `checkout:${checkoutId}:discounts`,
  tender: (index: number) => `checkout:${checkoutId}:tender:${index}`,
  undoTender: (index: number) => `checkout:${checkoutId}:tender:${index}:undo`,
  capture: (index: number) => `checkout:${checkoutId}:tender:${index}:capture`,
});
