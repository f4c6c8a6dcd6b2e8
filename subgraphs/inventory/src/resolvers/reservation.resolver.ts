import { Arg, Authorized, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import { Role } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { InventoryReserveInput, InventorySaleRecordInput } from '../inputs/reservation.input';
import { InventorySaleRecordPayload, ReservationPayload } from '../payloads';
import { commitReservation, releaseReservation, reserve } from '../services/reservation.service';
import { recordSale } from '../services/sale-record.service';

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
  @Mutation(() => ReservationPayload, { description: 'Turns held stock into a sale (by reservation id or key).' })
  async inventoryReservationCommit(@Ctx() ctx: InventoryContext, @Arg('id', () => ID) id: string) {
    return toPayload(await commitReservation(ctx, id), (reservation) => ({ reservation }));
  }

  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => ReservationPayload, { description: 'Gives held stock back (by reservation id or key).' })
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
}
