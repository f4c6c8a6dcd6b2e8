/**
 * Exchanges a process left SETTLING when it died: between claiming the returned units and writing
 * their refund. The exchange's checkout says what happened: placed, the refund is written and
 * driven (the new items wait at the store or go to fulfilment like any order); failed or never
 * started, the claim is released. A checkout still running is left to the checkout sweeper.
 */
import { sql } from '#platform/db';
import type { CheckoutDeps } from '../checkout';
import { readCheckout } from '../checkout/checkout-row';
import { SCHEMA } from '../constants';
import { OrderReturn } from '../entities';
import { checkoutKey, recordExchangeRefund, releaseExchangeClaim } from './exchange-finish';
import { driveRefund } from './refund-saga';

/** How long a settlement may stand before the sweeper looks: longer than any request's deadline. */
const STALE = `interval '30 seconds'`;

export async function sweepExchanges(deps: CheckoutDeps, batch = 20): Promise<number> {
  const rows = await sql<{ id: string }>(
    deps.em(),
    `select id from "${SCHEMA}"."order_return" where exchange->>'status' = 'SETTLING' and updated_at < now() - ${STALE}
      order by updated_at limit ?`,
    [batch],
  );
  for (const row of rows) {
    try {
      await recoverExchange(deps, row.id);
    } catch (error) {
      deps.logger.error({ err: error, return: row.id }, 'exchange sweeper: will try again');
    }
  }
  return rows.length;
}

async function recoverExchange(deps: CheckoutDeps, returnId: string): Promise<void> {
  const ret = await deps.em().findOne(OrderReturn, { id: returnId });
  const settlement = ret?.exchange?.status === 'SETTLING' ? ret.exchange.settlement : null;
  if (!settlement) return;
  const checkout = await readCheckout(deps.em(), { scope: settlement.scope, key: checkoutKey(returnId, settlement.key) });
  if (checkout?.order_id && (checkout.state === 'PLACED' || checkout.state === 'COMPLETED')) {
    const orderId = checkout.order_id;
    const { refundId } = await deps.em().transactional((em) => recordExchangeRefund(em, returnId, orderId, deps.leaseMs));
    if (refundId) await driveRefund(deps, refundId);
  } else if (!checkout || checkout.state === 'FAILED') {
    await deps.em().transactional((em) => releaseExchangeClaim(em, returnId, settlement));
  }
}
