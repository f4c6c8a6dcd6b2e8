import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { callerScope, STAFF_ROLES } from '#platform/auth';
import { idempotencyKeyErrors } from '#platform/db';
import { toPayload, validateInput, type ConnectionShape } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { FulfillmentKind, Order } from '../entities';
import { fulfil } from '../fulfilment/fulfil';
import { updateTracking } from '../fulfilment/tracking';
import { moveFulfillmentOrder } from '../fulfilment/move';
import { findFulfillmentOrder, listFulfillmentOrders } from '../fulfilment/pick-list';
import { markReadyForPickup, pickUp } from '../fulfilment/pickup';
import { fulfillmentOrderViews, fulfillmentView } from '../fulfilment/views';
import { FulfillmentCreateInput, OrderPickUpInput, TrackingInput } from '../inputs/fulfillment.input';
import {
  FulfillmentCreatePayload,
  FulfillmentOrderMovePayload,
  FulfillmentTrackingUpdatePayload,
  OrderPickUpPayload,
  OrderReadyForPickupPayload,
} from '../payloads/fulfillment.payloads';
import { FulfillmentOrderConnection, FulfillmentOrdersArgs, FulfillmentOrderView } from '../types/fulfillment.types';

const fulfilDeps = (ctx: OrdersContext) => ({ em: () => ctx.em.fork(), inventory: ctx.inventory, logger: ctx.logger });
const trackingOf = (tracking: TrackingInput | null | undefined) =>
  tracking && (tracking.company || tracking.number || tracking.url)
    ? [{ company: tracking.company?.trim() || null, number: tracking.number?.trim() || null, url: tracking.url?.trim() || null }]
    : [];

/** A location's work, and what staff do with it: ship, hand over, move. */
@Resolver()
export class FulfillmentResolver {
  @Query(() => FulfillmentOrderConnection, {
    description:
      "A location's pick list, oldest first: what leaves from it and what is collected at it. Staff of that store, managers anywhere.",
  })
  @Authorized(STAFF_ROLES)
  fulfillmentOrders(
    @Ctx() ctx: OrdersContext,
    @Args(() => FulfillmentOrdersArgs) args: FulfillmentOrdersArgs,
  ): Promise<ConnectionShape<FulfillmentOrderView>> {
    return listFulfillmentOrders(ctx, args);
  }

  @Query(() => FulfillmentOrderView, {
    nullable: true,
    description: 'A fulfilment order by id: staff of a store it leaves from or is collected at, managers any; null otherwise.',
  })
  @Authorized(STAFF_ROLES)
  fulfillmentOrder(
    @Ctx() ctx: OrdersContext,
    @Arg('id', () => ID, { description: "The fulfilment order's id." }) id: string,
  ): Promise<FulfillmentOrderView | null> {
    return findFulfillmentOrder(ctx, id);
  }

  @Mutation(() => FulfillmentCreatePayload, {
    description:
      'Ships units of a fulfilment order (all that is open when no lines are given; partial fulfilments allowed): they leave stock as a sale at its location, and the customer is sent the tracking link. The same key replays the first answer.',
  })
  @Authorized(STAFF_ROLES)
  async fulfillmentCreate(
    @Ctx() ctx: OrdersContext,
    @Arg('input', () => FulfillmentCreateInput, { description: 'What leaves, and how to follow it.' }) input: FulfillmentCreateInput,
    @Arg('idempotencyKey', () => String, { description: 'Required: a retry with the same key records the parcel once.' })
    idempotencyKey: string,
  ) {
    const errors = [...idempotencyKeyErrors(idempotencyKey), ...(await validateInput(input, ['input']))];
    if (errors.length) return { userErrors: errors };
    const outcome = await fulfil(fulfilDeps(ctx), {
      fulfillmentOrderId: input.fulfillmentOrderId,
      lines: input.lines ?? null,
      kind: FulfillmentKind.SHIPMENT,
      tracking: trackingOf(input.tracking),
      callerScope: callerScope(ctx.viewer),
      idempotencyKey,
      viewer: ctx.viewer,
    });
    return toPayload(outcome, (fulfillment) => ({
      fulfillment: fulfillmentView(fulfillment),
      order: ctx.em.fork().findOne(Order, { id: fulfillment.orderId }),
    }));
  }

  @Mutation(() => FulfillmentTrackingUpdatePayload, {
    description: "Replaces a shipment's tracking; the customer is sent the new link.",
  })
  @Authorized(STAFF_ROLES)
  async fulfillmentTrackingUpdate(
    @Ctx() ctx: OrdersContext,
    @Arg('fulfillmentId', () => ID, { description: 'The shipment.' }) fulfillmentId: string,
    @Arg('tracking', () => TrackingInput, { description: 'Where the customer follows the parcel now.' }) tracking: TrackingInput,
  ) {
    const errors = await validateInput(tracking, ['tracking']);
    if (errors.length) return { userErrors: errors };
    return toPayload(await updateTracking(ctx, fulfillmentId, trackingOf(tracking)), (fulfillment) => ({
      fulfillment: fulfillmentView(fulfillment),
    }));
  }

  @Mutation(() => FulfillmentOrderMovePayload, {
    description:
      "Hands a fulfilment order's open units to another location that has them (its held stock moves with them); the original keeps what already left. The same key replays the first answer.",
  })
  @Authorized(STAFF_ROLES)
  async fulfillmentOrderMove(
    @Ctx() ctx: OrdersContext,
    @Arg('fulfillmentOrderId', () => ID, { description: 'What to move.' }) fulfillmentOrderId: string,
    @Arg('locationId', () => ID, { description: 'Where it leaves from instead.' }) locationId: string,
    @Arg('idempotencyKey', () => String, { description: 'Required: a retry with the same key moves once.' }) idempotencyKey: string,
  ) {
    const keyErrors = idempotencyKeyErrors(idempotencyKey);
    if (keyErrors.length) return { userErrors: keyErrors };
    const outcome = await moveFulfillmentOrder(ctx, fulfillmentOrderId, locationId, idempotencyKey);
    if (!outcome.ok) return { userErrors: outcome.userErrors };
    const [originalFulfillmentOrder, movedFulfillmentOrder] = await fulfillmentOrderViews(ctx.em.fork(), [
      outcome.value.original,
      outcome.value.moved,
    ]);
    return { originalFulfillmentOrder, movedFulfillmentOrder, userErrors: [] };
  }

  @Mutation(() => OrderReadyForPickupPayload, {
    description:
      'Staff of the pickup store: the order waits for the customer, who is sent a pickup code; uncollected by the deadline (PICKUP_HOLD_DAYS) it is cancelled and refunded. A ship-to-store order only once its transfer arrived.',
  })
  @Authorized(STAFF_ROLES)
  async orderReadyForPickup(@Ctx() ctx: OrdersContext, @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string) {
    return toPayload(await markReadyForPickup(ctx, orderId), (order) => ({ order }));
  }

  @Mutation(() => OrderPickUpPayload, {
    description:
      'Staff of the pickup store hand the order over, against its pickup code or the looked-up customer: the goods leave stock there as a sale. The same key replays the first answer.',
  })
  @Authorized(STAFF_ROLES)
  async orderPickUp(
    @Ctx() ctx: OrdersContext,
    @Arg('orderId', () => ID, { description: 'The order.' }) orderId: string,
    @Arg('input', () => OrderPickUpInput, { description: 'The pickup code, or the customer.' }) input: OrderPickUpInput,
    @Arg('idempotencyKey', () => String, { description: 'Required: a retry with the same key hands over once.' }) idempotencyKey: string,
  ) {
    const errors = [...idempotencyKeyErrors(idempotencyKey), ...(await validateInput(input, ['input']))];
    if (errors.length) return { userErrors: errors };
    return toPayload(await pickUp(ctx, orderId, input, idempotencyKey), (order) => ({ order }));
  }
}
