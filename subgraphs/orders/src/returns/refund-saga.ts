/**
 * The remote half of a refund, after its local transaction committed: each payment gets its share
 * back through the same step cancelling uses (card through the provider, gift card, store credit,
 * points), keyed by the refund and the payment; the ledger records only what moved. A step that
 * fails is left to the sweeper, which runs what is left until the row is COMPLETED.
 */
import { refundPayment, type CancellationDeps } from '../cancellation';
import { completeRefund, claimStalledRefunds, readRefund, recordRefundStep, refundMoneyBack } from './refund-row';

/** Runs the payment steps left; true when the refund is COMPLETED. */
export async function driveRefund(deps: CancellationDeps, id: string): Promise<boolean> {
  const row = await readRefund(deps.em(), { id });
  if (!row) throw new Error(`no refund ${id}`);
  if (row.state === 'COMPLETED') return true;
  let all = true;
  for (const refund of row.plan.refunds) {
    const name = `payment:${refund.paymentId}`;
    if (row.steps[name]?.done) continue;
    try {
      const record = await refundPayment(deps, refundMoneyBack(row), refund);
      if (record) await recordRefundStep(deps.em(), row.id, name, record, deps.leaseMs);
      else all = false;
    } catch (error) {
      deps.logger.error({ err: error, refund: row.id, step: name }, 'refund step failed; the sweeper retries');
      all = false;
    }
  }
  if (all) await completeRefund(deps.em(), row.id);
  return all;
}

/** Finishes refunds whose payment steps were left undone; replicas sweep side by side on different rows. */
export async function sweepRefunds(deps: CancellationDeps, batch = 20): Promise<number> {
  const claimed = await claimStalledRefunds(deps.em(), batch, deps.leaseMs);
  for (const row of claimed) {
    try {
      await driveRefund(deps, row.id);
    } catch (error) {
      deps.logger.error({ err: error, refund: row.id }, 'refund sweeper: will try again');
    }
  }
  return claimed.length;
}
