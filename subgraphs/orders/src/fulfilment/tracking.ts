/** A shipment's tracking, changed after it left: staff of the location it left from; the customer is sent the new link. */
import { LockMode } from '@mikro-orm/core';
import { requireLocationAccess } from '#platform/auth';
import { runMutation, type MutationOutcome, isUuid } from '#platform/db';
import { UserError } from '#platform/graphql';
import { publishEvents } from '#platform/outbox';
import { SCHEMA } from '../constants';
import type { OrdersContext } from '../context';
import { FulfillmentTrackingUpdated } from '../contract';
import { Fulfillment, FulfillmentKind, FulfillmentState, Order, type TrackingData } from '../entities';
import { OrdersErrorCode } from '../errors';

export async function updateTracking(
  ctx: OrdersContext,
  fulfillmentId: string,
  tracking: TrackingData[],
): Promise<MutationOutcome<Fulfillment>> {
  const found = isUuid(fulfillmentId) ? await ctx.em.fork().findOne(Fulfillment, { id: fulfillmentId }) : null;
  if (!found || found.kind !== FulfillmentKind.SHIPMENT) {
    return { ok: false as const, userErrors: [new UserError(['fulfillmentId'], 'No shipment has this id', OrdersErrorCode.NOT_FOUND)] };
  }
  requireLocationAccess(ctx.viewer, found.locationId);
  return runMutation(ctx, async ({ em }) => {
    const fulfillment = await em.findOneOrFail(Fulfillment, { id: fulfillmentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    fulfillment.tracking = tracking;
    await em.flush();
    if (fulfillment.state === FulfillmentState.DONE) {
      const order = await em.findOneOrFail(Order, { id: fulfillment.orderId });
      await publishEvents(em, SCHEMA, [
        FulfillmentTrackingUpdated.event(order.id, { orderId: order.id, fulfillmentId: fulfillment.id, tracking }),
      ]);
    }
    return fulfillment;
  });
}
