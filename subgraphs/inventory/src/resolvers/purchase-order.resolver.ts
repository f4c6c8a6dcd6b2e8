import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MANAGER_ROLES, STAFF_ROLES } from '#platform/auth';
import { ConnectionArgs, toPayload } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { Location, PurchaseOrder, PurchaseOrderStatus } from '../entities';
import { PurchaseOrderCreateInput } from '../inputs/purchase-order.input';
import { StockLineInput } from '../inputs/stock-line.input';
import {
  PurchaseOrderCancelPayload,
  PurchaseOrderClosePayload,
  PurchaseOrderCreatePayload,
  PurchaseOrderReceivePayload,
  PurchaseOrderSubmitPayload,
} from '../payloads/purchase-order.payloads';
import { locationOf } from '../services/location-of';
import { findPurchaseOrder, listPurchaseOrders } from '../services/purchase-order-query.service';
import {
  cancelPurchaseOrder,
  closePurchaseOrder,
  createPurchaseOrder,
  receivePurchaseOrder,
  submitPurchaseOrder,
} from '../services/purchase-order.service';
import { PurchaseOrderConnection } from '../types/stock-document.types';

/** Replenishment from suppliers: staff draft, submit and receive purchase orders. */
@Resolver(() => PurchaseOrder)
export class PurchaseOrderResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => PurchaseOrder, { nullable: true, description: 'A purchase order by id.' })
  purchaseOrder(@Ctx() ctx: InventoryContext, @Arg('id', () => ID, { description: "The purchase order's id." }) id: string) {
    return findPurchaseOrder(ctx, id);
  }

  @Authorized(STAFF_ROLES)
  @Query(() => PurchaseOrderConnection, { description: 'Purchase orders newest first, optionally of one status.' })
  purchaseOrders(
    @Ctx() ctx: InventoryContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('status', () => PurchaseOrderStatus, { nullable: true, description: 'Only purchase orders with this status.' })
    status?: PurchaseOrderStatus | null,
  ) {
    return listPurchaseOrders(ctx, { ...args, status });
  }

  @FieldResolver(() => Location, { description: 'The location the goods are delivered to.' })
  location(@Root() order: PurchaseOrder, @Ctx() ctx: InventoryContext) {
    return locationOf(ctx, order.locationId);
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => PurchaseOrderCreatePayload, {
    description: 'Drafts a purchase order; nothing is incoming until it is submitted (managers).',
  })
  async purchaseOrderCreate(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => PurchaseOrderCreateInput, { description: 'Supplier, location and lines.' }) input: PurchaseOrderCreateInput,
  ) {
    return toPayload(await createPurchaseOrder(ctx, input), (purchaseOrder) => ({ purchaseOrder }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => PurchaseOrderSubmitPayload, {
    description: 'Submits a draft to the supplier: its quantities become incoming at the location (managers).',
  })
  async purchaseOrderSubmit(
    @Ctx() ctx: InventoryContext,
    @Arg('id', () => ID, { description: 'The purchase order to send.' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A retry under the same key replays instead of failing.' })
    idempotencyKey?: string | null,
  ) {
    return toPayload(await submitPurchaseOrder(ctx, id, idempotencyKey), (purchaseOrder) => ({ purchaseOrder }));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => PurchaseOrderReceivePayload, {
    description: 'Receives delivered units, all or part of what was ordered (staff of its store).',
  })
  async purchaseOrderReceive(
    @Ctx() ctx: InventoryContext,
    @Arg('id', () => ID, { description: 'The purchase order.' }) id: string,
    @Arg('lines', () => [StockLineInput], { description: 'Units received per SKU; may be part of what is outstanding.' })
    lines: StockLineInput[],
    @Arg('allowOverReceipt', () => Boolean, { nullable: true, defaultValue: false, description: 'Accept more than remains on a line.' })
    allowOverReceipt: boolean | null,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A retry under the same key replays instead of receiving twice.' })
    idempotencyKey?: string | null,
  ) {
    return toPayload(await receivePurchaseOrder(ctx, id, lines, allowOverReceipt ?? false, idempotencyKey), (purchaseOrder) => ({
      purchaseOrder,
    }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => PurchaseOrderCancelPayload, {
    description: 'Cancels a draft or submitted purchase order, releasing its incoming quantities (managers).',
  })
  async purchaseOrderCancel(@Ctx() ctx: InventoryContext, @Arg('id', () => ID, { description: 'The purchase order.' }) id: string) {
    return toPayload(await cancelPurchaseOrder(ctx, id), (purchaseOrder) => ({ purchaseOrder }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => PurchaseOrderClosePayload, {
    description: 'Closes a submitted or part-received order short; the rest is no longer incoming (managers).',
  })
  async purchaseOrderClose(@Ctx() ctx: InventoryContext, @Arg('id', () => ID, { description: 'The purchase order.' }) id: string) {
    return toPayload(await closePurchaseOrder(ctx, id), (purchaseOrder) => ({ purchaseOrder }));
  }
}
