/**
 * Finishes cancellations whose remote steps were left undone (a service was down, or the process
 * died): rows whose lease ran out are claimed with SKIP LOCKED and a fresh lease, so replicas
 * sweep side by side on different rows. Returns how many it worked on.
 */
import { claimStalled } from './cancellation-row';
import type { CancellationDeps } from './deps';
import { driveCancellation } from './saga';

export async function sweepCancellations(deps: CancellationDeps, batch = 20): Promise<number> {
  const claimed = await claimStalled(deps.em(), batch, deps.leaseMs);
  for (const row of claimed) {
    try {
      await driveCancellation(deps, row.id);
    } catch (error) {
      deps.logger.error({ err: error, cancellation: row.id }, 'cancellation sweeper: will try again');
    }
  }
  return claimed.length;
}
