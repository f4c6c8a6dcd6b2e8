/**
 * A location that cannot serve its part of an order hands it to one that can: inventory moves
 * the hold (released at the source, held at the destination, all or nothing, under a key from
 * the caller's), then the fulfilment order's open units are marked moved and a new fulfilment
 * order at the destination takes them, in one transaction under the order's lock. A retry under
 * the same key replays both.
 *
 * The open units are read before inventory is asked, and written after, so a cancellation or a
 * fulfilment can take some of them in between: inventory then moved more than the new fulfilment
 * order takes, and the cancellation's release at the source finds its units gone. The transaction
 * sees both numbers under the lock and keeps the difference with the move's result; the surplus is
 * then let go at the destination, under a key from the move's, by this call or by a retry.
 */
import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { InventoryReservationMove, InventoryReservationReleaseLines, StockErrorCode, type StockLine } from '#contracts/inventory';
import { callerScope, requireLocationAccess } from '#platform/auth';
import { IDEMPOTENCY_KEY_MISMATCH, idempotent, isUuid, runMutation, type MutationOutcome } from '#platform/db';
import { UserError } from '#platform/graphql';
import { subgraphUnavailable } from '#platform/internal';
import { stepKeys } from '../checkout/keys';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { FulfillmentMethod, FulfillmentOrder, FulfillmentOrderStatus, Order, OrderStatus, openUnits } from '../entities';
import { OrdersErrorCode } from '../errors';
import { statusFromLines, touch } from './fulfillment-orders';

export interface MoveResult {
  original: FulfillmentOrder;
  moved: FulfillmentOrder;
}

export async function moveFulfillmentOrder(
  ctx: OrdersContext,
  fulfillmentOrderId: string,
  locationId: string,
  idempotencyKey: string,
): Promise<MutationOutcome<MoveResult>> {
  const source = isUuid(fulfillmentOrderId) ? await ctx.em.fork().findOne(FulfillmentOrder, { id: fulfillmentOrderId }) : null;
  if (!source) return refused(['fulfillmentOrderId'], 'No fulfilment order has this id', OrdersErrorCode.NOT_FOUND);
  requireLocationAccess(ctx.viewer, source.locationId);
  const order = await ctx.em.fork().findOneOrFail(Order, { id: source.orderId });
  const scope = callerScope(ctx.viewer);
  const request = { fulfillmentOrderId, locationId };
  const replay = await ctx.em.fork().findOne(FulfillmentOrder, { movedFromId: fulfillmentOrderId, moveKey: keyOf(scope, idempotencyKey) });
  if (!replay) {
    const problem = cannotMove(order, source, locationId);
    if (problem) return { ok: false, userErrors: [problem] };
  }
  const reservationId = order.checkoutId ? stepKeys(order.checkoutId).stock : `order:${order.id}`;
  const moveKey = `move:${keyOf(scope, idempotencyKey)}`;
  const sent: StockLine[] = source.lines.filter((l) => openUnits(l) > 0).map((l) => ({ sku: l.sku, quantity: openUnits(l) }));
  if (!replay) {
    const result = await ctx.inventory.call(ctx, InventoryReservationMove, {
      input: {
        id: reservationId,
        idempotencyKey: moveKey,
        fromLocationId: source.locationId,
        toLocationId: locationId,
        lines: sent,
      },
    });
    if (!result.ok && result.reason === 'UNAVAILABLE')
      throw subgraphUnavailable('Inventory did not answer; nothing was moved. Ask again with the same key');
    if (!result.ok) {
      const code = result.userErrors[0]?.code;
      // Inventory's key is made from the caller's: it was sent before for another fulfilment order or location.
      if (code === IDEMPOTENCY_KEY_MISMATCH)
        return refused(
          ['idempotencyKey'],
          'This key was used to move another fulfilment order or to another location',
          IDEMPOTENCY_KEY_MISMATCH,
        );
      const mapped =
        code === StockErrorCode.INSUFFICIENT_STOCK
          ? OrdersErrorCode.INSUFFICIENT_STOCK
          : code === StockErrorCode.NOT_HELD
            ? OrdersErrorCode.STOCK_NOT_HELD
            : code === 'NOT_FOUND'
              ? OrdersErrorCode.NOT_FOUND
              : OrdersErrorCode.INVALID;
      const field =
        mapped === OrdersErrorCode.INSUFFICIENT_STOCK || mapped === OrdersErrorCode.NOT_FOUND ? ['locationId'] : ['fulfillmentOrderId'];
      return refused(field, result.userErrors[0]?.message ?? 'Refused', mapped);
    }
  }
  const outcome = await runMutation(ctx, async ({ em }) => {
    const locked = await em.findOneOrFail(Order, { id: order.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const { result } = await idempotent(em, SCHEMA, `fulfillmentOrderMove:${scope}`, idempotencyKey, request, async () => {
      const original = await em.findOneOrFail(FulfillmentOrder, { id: fulfillmentOrderId });
      const moving = original.lines.filter((l) => openUnits(l) > 0);
      const moved = Object.assign(new FulfillmentOrder(), {
        orderId: original.orderId,
        locationId,
        destinationLocationId: original.destinationLocationId,
        method: original.method,
        status:
          original.method === FulfillmentMethod.SHIP_TO_STORE ? FulfillmentOrderStatus.AWAITING_TRANSFER : FulfillmentOrderStatus.OPEN,
        lines: moving.map((l) => ({ orderLineId: l.orderLineId, sku: l.sku, quantity: openUnits(l), fulfilled: 0, removed: 0 })),
        movedFromId: original.id,
        moveKey: keyOf(scope, idempotencyKey),
      });
      original.lines = original.lines.map((l) => ({ ...l, removed: l.removed + openUnits(l) }));
      original.status = statusFromLines(original);
      em.persist(moved);
      await touch(em, locked, [original, moved]);
      return { originalId: original.id, movedId: moved.id, surplus: surplusOf(sent, moved.lines) };
    });
    return {
      original: await em.findOneOrFail(FulfillmentOrder, { id: result.originalId }),
      moved: await em.findOneOrFail(FulfillmentOrder, { id: result.movedId }),
      // Older moves kept no surplus.
      surplus: result.surplus ?? [],
    };
  });
  if (!outcome.ok) return outcome;
  const { original, moved, surplus } = outcome.value;
  if (surplus.length > 0) {
    const released = await ctx.inventory.call(ctx, InventoryReservationReleaseLines, {
      input: { id: reservationId, idempotencyKey: `${moveKey}:surplus`, locationId, lines: surplus },
    });
    // The move stands either way; a retry under the same key lets the surplus go.
    if (!released.ok) ctx.logger.error({ fulfillmentOrderId, surplus, answer: released }, 'move: the surplus hold could not be let go');
  }
  return { ok: true, value: { original, moved } };
}

/** What inventory moved beyond the units the new fulfilment order takes (taken meanwhile by a cancellation or a fulfilment). */
function surplusOf(sent: readonly StockLine[], taken: readonly { sku: string; quantity: number }[]): StockLine[] {
  return sent.flatMap((line) => {
    const quantity = line.quantity - (taken.find((t) => t.sku === line.sku)?.quantity ?? 0);
    return quantity > 0 ? [{ sku: line.sku, quantity }] : [];
  });
}

function cannotMove(order: Order, source: FulfillmentOrder, locationId: string): UserError | null {
  if (order.status !== OrderStatus.OPEN)
    return new UserError(['fulfillmentOrderId'], `The order is ${order.status.toLowerCase()}`, OrdersErrorCode.ORDER_NOT_OPEN);
  if (source.method === FulfillmentMethod.PICKUP) {
    return new UserError(
      ['fulfillmentOrderId'],
      'A pickup is served by its store; cancel the line or the order instead',
      OrdersErrorCode.INVALID,
    );
  }
  if (source.transferId)
    return new UserError(['fulfillmentOrderId'], 'Its goods are already on a transfer to the store', OrdersErrorCode.INVALID);
  if (!isUuid(locationId)) return new UserError(['locationId'], 'No location has this id', OrdersErrorCode.NOT_FOUND);
  if (locationId === source.locationId) return new UserError(['locationId'], 'It is already at this location', OrdersErrorCode.INVALID);
  if (!source.lines.some((l) => openUnits(l) > 0)) {
    return new UserError(['fulfillmentOrderId'], 'Nothing is left to move on it', OrdersErrorCode.NOTHING_TO_FULFIL);
  }
  return null;
}

/** The caller's key, short enough for inventory's (at most 200 characters). */
const keyOf = (scope: string, key: string): string => createHash('sha256').update(`${scope}\u0000${key}`).digest('base64url');

const refused = (field: string[] | null, message: string, code: string): MutationOutcome<never> => ({
  ok: false,
  userErrors: [new UserError(field, message, code)],
});
