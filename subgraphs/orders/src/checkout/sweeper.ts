/**
 * Recovers checkouts whose process died (or stalled past its lease): past placing the order it
 * finishes them (commit, capture), before it compensates them (release, refund, void). Rows are
 * claimed with SKIP LOCKED and a fresh lease, so any number of replicas sweep side by side, each
 * on other checkouts. The lease is far shorter than the holds' TTL, so nothing stays held
 * longer than the reservation TTL. Returns how many checkouts it worked on.
 */
import { claimAbandoned, moveCheckout } from './checkout-row';
import type { CheckoutDeps } from './deps';
import { CheckoutErrorCode } from './errors';
import { compensate, driveCheckout } from './saga';

export async function sweepCheckouts(deps: CheckoutDeps, batch = 20): Promise<number> {
  const claimed = await claimAbandoned(deps.em(), batch, deps.leaseMs);
  for (const checkout of claimed) {
    try {
      if (checkout.state === 'RUNNING') {
        const failure = {
          userErrors: [
            {
              field: null,
              message: 'The checkout was interrupted; nothing was charged. Try again.',
              code: CheckoutErrorCode.CHECKOUT_FAILED,
            },
          ],
        };
        if (await moveCheckout(deps.em(), checkout.id, 'RUNNING', 'COMPENSATING', { failure, leaseMs: deps.leaseMs })) {
          await compensate(deps, { ...checkout, state: 'COMPENSATING', failure });
        }
      } else {
        await driveCheckout(deps, checkout.id);
      }
    } catch (error) {
      deps.logger.error({ err: error, checkout: checkout.id }, 'checkout sweeper: will try again');
    }
  }
  return claimed.length;
}
