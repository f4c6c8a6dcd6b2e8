/**
 * returnReceive: staff of the receiving store say what arrived, line by line, in ONE transaction
 * under the order's lock: RESTOCK and DAMAGED units count as returned (refundable), MISSING ones
 * free the units to be returned again; the returned units go on the sales ledger as negative RETURN
 * rows at the receiving store, return.received goes to the outbox, and RESTOCK units are
 * recorded as a restock to do. After the commit the restock runs (restock.ts): the units go back
 * on hand at the receiving store, whichever location sold or shipped them.
 */
import { requireLocationAccess } from '#platform/auth';
import { runMutation, type MutationOutcome } from '#platform/db';
import { UserError, UserErrorsException } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { OrderLine, type OrderReturn } from '../entities';
import { appendOrderEvents } from '../order-events';
import { recordOrderReturned } from '../reports';
import { refuse } from './access';
import { ReturnErrorCode } from './errors';
import { restockReturn } from './restock';
import { lockedReturn } from './return-review';
import type { ReceiveLineRequest } from './types';

export async function receiveReturn(
  ctx: OrdersContext,
  returnId: string,
  received: readonly ReceiveLineRequest[],
): Promise<MutationOutcome<OrderReturn>> {
  if (received.length === 0 || received.length > 250) {
    return { ok: false, userErrors: [new UserError(['lines'], 'Name 1 to 250 lines', 'INVALID')] };
  }
  const outcome = await runMutation(ctx, async ({ em }) => {
    const { order, ret } = await lockedReturn(em, returnId);
    if (ret.status !== 'OPEN' && ret.status !== 'PARTIALLY_RECEIVED') {
      return refuse(['returnId'], `The return is ${ret.status}: only an approved return is received`, ReturnErrorCode.RETURN_NOT_OPEN);
    }
    const locationId = ret.locationId ?? ctx.viewer.locationId ?? null;
    if (!locationId) return refuse(['returnId'], 'The return has no store yet: approve it at one', 'LOCATION_REQUIRED');
    requireLocationAccess(ctx.viewer, locationId);

    const refusals: UserError[] = [];
    const taken = new Map<string, number>();
    received.forEach((wanted, index) => {
      const field = ['lines', String(index)];
      const line = ret.lines.find((l) => l.id === wanted.returnLineId);
      if (!line) return refusals.push(new UserError([...field, 'returnLineId'], 'No line of this return has this id', 'NOT_FOUND'));
      if (!Number.isSafeInteger(wanted.quantity) || wanted.quantity < 1) {
        return refusals.push(new UserError([...field, 'quantity'], 'Receive at least 1 unit', 'GREATER_THAN_OR_EQUAL_TO'));
      }
      const open = line.quantity - line.restocked - line.damaged - line.missing - (taken.get(line.id) ?? 0);
      if (wanted.quantity > open) {
        return refusals.push(
          new UserError([...field, 'quantity'], `Only ${open} unit(s) of this return line are still to come`, 'LESS_THAN_OR_EQUAL_TO'),
        );
      }
      taken.set(line.id, (taken.get(line.id) ?? 0) + wanted.quantity);
    });
    if (refusals.length) throw new UserErrorsException(refusals);

    const orderLines = await em.find(OrderLine, { id: { $in: ret.lines.map((l) => l.orderLineId) } });
    const restock = new Map<string, number>();
    const lines = ret.lines.map((l) => ({ ...l }));
    for (const wanted of received) {
      const line = lines.find((l) => l.id === wanted.returnLineId)!;
      const orderLine = orderLines.find((l) => l.id === line.orderLineId)!;
      orderLine.quantityReturnRequested -= wanted.quantity;
      if (wanted.disposition === 'MISSING') line.missing += wanted.quantity;
      else {
        orderLine.quantityReturned += wanted.quantity;
        if (wanted.disposition === 'DAMAGED') line.damaged += wanted.quantity;
        else {
          line.restocked += wanted.quantity;
          restock.set(line.sku, (restock.get(line.sku) ?? 0) + wanted.quantity);
        }
      }
    }
    // Returned units count negative at the store that took them, on the day they came back.
    const returnedNow = new Map<string, number>();
    for (const wanted of received) {
      if (wanted.disposition === 'MISSING') continue;
      const orderLineId = lines.find((l) => l.id === wanted.returnLineId)!.orderLineId;
      returnedNow.set(orderLineId, (returnedNow.get(orderLineId) ?? 0) + wanted.quantity);
    }
    await recordOrderReturned(
      em,
      order,
      [...returnedNow].map(([orderLineId, quantity]) => {
        const line = orderLines.find((l) => l.id === orderLineId)!;
        return { line, before: line.quantityCancelled + line.quantityReturned - quantity, quantity };
      }),
      locationId,
      await em.find(OrderLine, { orderId: order.id }),
    );
    ret.lines = lines;
    ret.locationId = locationId;
    ret.status = lines.every((l) => l.restocked + l.damaged + l.missing >= l.quantity) ? 'RECEIVED' : 'PARTIALLY_RECEIVED';
    if (restock.size > 0) {
      ret.restocks = [
        ...ret.restocks,
        {
          key: `return:${ret.id}:restock:${ret.restocks.length + 1}`,
          locationId,
          lines: [...restock].map(([sku, quantity]) => ({ sku, quantity })),
          done: false,
        },
      ];
    }
    ret.updatedAt = new Date();
    await appendOrderEvents(em, order, [
      {
        type: 'return.received',
        data: {
          returnId: ret.id,
          locationId,
          lines: received.map((r) => {
            const line = lines.find((l) => l.id === r.returnLineId)!;
            return { orderLineId: line.orderLineId, sku: line.sku, quantity: r.quantity, disposition: r.disposition };
          }),
        },
      },
    ]);
    await em.flush();
    return ret;
  });
  if (!outcome.ok) return outcome;
  await restockReturn(ctx.checkout, outcome.value.id);
  return outcome;
}
