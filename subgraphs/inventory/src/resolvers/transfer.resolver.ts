import { Arg, Args, Authorized, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MANAGER_ROLES, Role, STAFF_ROLES } from '#platform/auth';
import { ConnectionArgs, toPayload } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { InventoryTransfer, Location, TransferStatus } from '../entities';
import { InventoryTransferCreateInput } from '../inputs/transfer.input';
import { StockLineInput } from '../inputs/stock-line.input';
import {
  InventoryTransferCancelPayload,
  InventoryTransferClosePayload,
  InventoryTransferCreatePayload,
  InventoryTransferReceivePayload,
  InventoryTransferShipPayload,
} from '../payloads/transfer.payloads';
import { locationOf } from '../services/location-of';
import { findTransfer, findTransfersByIds, listTransfers } from '../services/transfer-query.service';
import { cancelTransfer, closeTransfer, createTransfer, receiveTransfer, shipTransfer } from '../services/transfer.service';
import { InventoryTransferConnection } from '../types/stock-document.types';

/** Stock moving between locations: staff draft, ship and receive transfers. */
@Resolver(() => InventoryTransfer)
export class InventoryTransferResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => InventoryTransfer, { nullable: true, description: 'A transfer by id.' })
  inventoryTransfer(@Ctx() ctx: InventoryContext, @Arg('id', () => ID, { description: "The transfer's id." }) id: string) {
    return findTransfer(ctx, id);
  }

  @Authorized(STAFF_ROLES)
  @Query(() => InventoryTransferConnection, { description: 'Transfers newest first, optionally of one status.' })
  inventoryTransfers(
    @Ctx() ctx: InventoryContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('status', () => TransferStatus, { nullable: true, description: 'Only transfers with this status.' })
    status?: TransferStatus | null,
  ) {
    return listTransfers(ctx, { ...args, status });
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Query(() => [InventoryTransfer], { description: 'Internal: transfers by id (up to 250), in the order asked; unknown ids are left out.' })
  inventoryTransfersByIds(
    @Ctx() ctx: InventoryContext,
    @Arg('ids', () => [ID], { description: 'Transfer ids, raw or global.' }) ids: string[],
  ): Promise<InventoryTransfer[]> {
    return findTransfersByIds(ctx, ids);
  }

  @FieldResolver(() => Location, { description: 'Where the stock leaves from.' })
  fromLocation(@Root() transfer: InventoryTransfer, @Ctx() ctx: InventoryContext) {
    return locationOf(ctx, transfer.fromLocationId);
  }

  @FieldResolver(() => Location, { description: 'Where the stock arrives.' })
  toLocation(@Root() transfer: InventoryTransfer, @Ctx() ctx: InventoryContext) {
    return locationOf(ctx, transfer.toLocationId);
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => InventoryTransferCreatePayload, {
    description: 'Drafts a transfer between two locations; no stock moves until it ships (staff of either store).',
  })
  async inventoryTransferCreate(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => InventoryTransferCreateInput, { description: 'From, to and lines.' }) input: InventoryTransferCreateInput,
  ) {
    return toPayload(await createTransfer(ctx, input), (inventoryTransfer) => ({ inventoryTransfer }));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => InventoryTransferShipPayload, {
    description:
      'Ships a draft: stock leaves the source and is incoming at the destination, all lines or none (staff of the source store).',
  })
  async inventoryTransferShip(
    @Ctx() ctx: InventoryContext,
    @Arg('id', () => ID, { description: 'The transfer.' }) id: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A retry under the same key replays instead of shipping twice.' })
    idempotencyKey?: string | null,
  ) {
    return toPayload(await shipTransfer(ctx, id, idempotencyKey), (inventoryTransfer) => ({ inventoryTransfer }));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => InventoryTransferReceivePayload, {
    description: 'Receives shipped units at the destination, all or part of what is in transit (staff of the destination store).',
  })
  async inventoryTransferReceive(
    @Ctx() ctx: InventoryContext,
    @Arg('id', () => ID, { description: 'The transfer.' }) id: string,
    @Arg('lines', () => [StockLineInput], { description: 'Units received per SKU; may be part of what is in transit.' })
    lines: StockLineInput[],
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'A retry under the same key replays instead of receiving twice.' })
    idempotencyKey?: string | null,
  ) {
    return toPayload(await receiveTransfer(ctx, id, lines, idempotencyKey), (inventoryTransfer) => ({ inventoryTransfer }));
  }

  @Authorized(STAFF_ROLES)
  @Mutation(() => InventoryTransferCancelPayload, {
    description: 'Cancels a draft transfer; a shipped one must be received (staff of either store).',
  })
  async inventoryTransferCancel(@Ctx() ctx: InventoryContext, @Arg('id', () => ID, { description: 'The transfer.' }) id: string) {
    return toPayload(await cancelTransfer(ctx, id), (inventoryTransfer) => ({ inventoryTransfer }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => InventoryTransferClosePayload, {
    description: 'Closes a shipped transfer short: what has not arrived is written off as lost (managers).',
  })
  async inventoryTransferClose(@Ctx() ctx: InventoryContext, @Arg('id', () => ID, { description: 'The transfer.' }) id: string) {
    return toPayload(await closeTransfer(ctx, id), (inventoryTransfer) => ({ inventoryTransfer }));
  }
}
