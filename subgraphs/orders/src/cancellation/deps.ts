import type { CheckoutDeps } from '../checkout';

/** What the cancellation saga runs with: the checkout saga's clients, card provider, logger and lease. */
export type CancellationDeps = Pick<CheckoutDeps, 'em' | 'inventory' | 'promotions' | 'card' | 'logger' | 'leaseMs'>;
