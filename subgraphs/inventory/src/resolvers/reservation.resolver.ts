import { Arg, Authorized, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { Role } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { InventoryContext } from '../context';
import {
  InventoryReservationMoveInput,
  InventoryReservationPartInput,
  InventoryReserveInput,
  InventorySaleRecordInput,
} from '../inputs/reservation.input';
import { InventorySaleRecordPayload, InventorySalesRecordPayload, ReservationPayload } from '../payloads';
import { fulfilReservationPart, moveReservationPart, releaseReservationPart } from '../services/reservation-parts.service';
import { commitReservation, confirmReservation, releaseReservation, reserve } from '../services/reservation.service';
import { recordSale, recordSales } from '../services/sale-record.service';

/** Internal commands for checkout and tills; @inaccessible, so never part of the public API. */
@Resolver()
export class ReservationResolver {
  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => ReservationPayload, { description: 'Holds stock for a checkout, all lines or none; idempotent under its key.' })
  async inventoryReserve(@Ctx() ctx: InventoryContext, @Arg('input', () => InventoryReserveInput) input: InventoryReserveInput) {
    return toPayload(await reserve(ctx, input), (reservation) => ({ reservation }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => ReservationPayload, {
    description: "Makes a checkout's hold a placed order's, which never expires (by reservation id or key); twice is harmless.",
  })
  async inventoryReservationConfirm(
    @Ctx() ctx: InventoryContext,
    @Arg('id', () => ID, { description: "The reservation's id or key." }) id: string,
  ) {
    return toPayload(await confirmReservation(ctx, id), (reservation) => ({ reservation }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => ReservationPayload, {
    description: 'Held units at one location leave stock as sales; all lines or none (NOT_HELD), idempotent under its key.',
  })
  async inventoryReservationFulfil(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => InventoryReservationPartInput, { description: 'The reservation, the location and the units.' })
    input: InventoryReservationPartInput,
  ) {
    return toPayload(await fulfilReservationPart(ctx, input), (reservation) => ({ reservation }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => ReservationPayload, {
    description: 'Held units at one location go back to available stock; all lines or none (NOT_HELD), idempotent under its key.',
  })
  async inventoryReservationReleaseLines(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => InventoryReservationPartInput, { description: 'The reservation, the location and the units.' })
    input: InventoryReservationPartInput,
  ) {
    return toPayload(await releaseReservationPart(ctx, input), (reservation) => ({ reservation }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => ReservationPayload, {
    description: 'Holds units at another location instead, where they must be available; all lines or none, idempotent under its key.',
  })
  async inventoryReservationMove(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => InventoryReservationMoveInput, { description: 'The reservation, both locations and the units.' })
    input: InventoryReservationMoveInput,
  ) {
    return toPayload(await moveReservationPart(ctx, input), (reservation) => ({ reservation }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => ReservationPayload, { description: 'Turns every unit still held into a sale (by reservation id or key).' })
  async inventoryReservationCommit(@Ctx() ctx: InventoryContext, @Arg('id', () => ID) id: string) {
    return toPayload(await commitReservation(ctx, id), (reservation) => ({ reservation }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => ReservationPayload, { description: 'Gives every unit still held back (by reservation id or key).' })
  async inventoryReservationRelease(@Ctx() ctx: InventoryContext, @Arg('id', () => ID) id: string) {
    return toPayload(await releaseReservation(ctx, id), (reservation) => ({ reservation }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => InventorySaleRecordPayload, {
    description: 'Records a till sale; offline sales may take stock below zero and are flagged.',
  })
  async inventorySaleRecord(@Ctx() ctx: InventoryContext, @Arg('input', () => InventorySaleRecordInput) input: InventorySaleRecordInput) {
    return toPayload(await recordSale(ctx, input), (inventoryLevels) => ({ inventoryLevels }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => InventorySalesRecordPayload, {
    description:
      "Records a till's offline batch (up to 250 sales) in one call, each sale once per key and on its own: one result per sale.",
  })
  async inventorySalesRecord(
    @Ctx() ctx: InventoryContext,
    @Arg('sales', () => [InventorySaleRecordInput], { description: 'The sales, in the order the till made them.' })
    sales: InventorySaleRecordInput[],
  ) {
    return toPayload(await recordSales(ctx, sales), (outcomes) => ({
      results: outcomes.map((outcome) => toPayload(outcome, (inventoryLevels) => ({ inventoryLevels }))),
    }));
  }
}
