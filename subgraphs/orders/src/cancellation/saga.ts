/**
 * The remote half of a cancellation, after its local transaction committed: release the stock,
 * give each payment its share back, and for the whole order give the discount uses back. Each
 * step runs outside any transaction, is idempotent under its key, and is recorded in the row when
 * done; a step that fails (a service down) is left for the sweeper, which runs what is left until
 * the row is COMPLETED. None of them ever undoes the cancellation.
 */
import { completeCancellation, readCancellation, recordStep, type CancellationRow } from './cancellation-row';
import type { CancellationDeps } from './deps';
import { returnDiscountUses } from './steps/discounts';
import { cancellationMoneyBack, refundPayment } from './steps/payment';
import { releaseOrderHold, releaseUnits, type StepRecord } from './steps/stock';

interface Step {
  name: string;
  run(): Promise<StepRecord>;
}

function stepsOf(deps: CancellationDeps, row: CancellationRow): Step[] {
  const { plan } = row;
  const stock: Step[] = plan.whole
    ? [{ name: 'stock', run: () => releaseOrderHold(deps, row) }]
    : plan.stock.map((release) => ({ name: `stock:${release.locationId}`, run: () => releaseUnits(deps, row, release) }));
  return [
    ...stock,
    ...plan.refunds.map((refund) => ({
      name: `payment:${refund.paymentId}`,
      run: () => refundPayment(deps, cancellationMoneyBack(row), refund),
    })),
    ...(plan.whole ? [{ name: 'discounts', run: () => returnDiscountUses(deps, row) }] : []),
  ];
}

/** Runs the steps left; true when the cancellation is COMPLETED. */
export async function driveCancellation(deps: CancellationDeps, id: string): Promise<boolean> {
  const row = await readCancellation(deps.em(), { id });
  if (!row) throw new Error(`no cancellation ${id}`);
  if (row.state === 'COMPLETED') return true;
  let all = true;
  for (const step of stepsOf(deps, row)) {
    if (row.steps[step.name]?.done) continue;
    try {
      const record = await step.run();
      if (record) await recordStep(deps.em(), row.id, step.name, record, deps.leaseMs);
      else all = false;
    } catch (error) {
      deps.logger.error({ err: error, cancellation: row.id, step: step.name }, 'cancellation step failed; the sweeper retries');
      all = false;
    }
  }
  if (all) await completeCancellation(deps.em(), row.id);
  return all;
}
