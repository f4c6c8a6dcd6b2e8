import { Arg, Authorized, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { Role } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { InventoryReturnRecordInput } from '../inputs/return-record.input';
import { InventorySaleRecordPayload } from '../payloads';
import { recordReturn } from '../services/return-record.service';

/** Internal command for orders' returns; @inaccessible, so never part of the public API. */
@Resolver()
export class ReturnRecordResolver {
  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Mutation(() => InventorySaleRecordPayload, {
    description: 'Puts returned units back on hand at the location that took them (RETURN, on the return channel).',
  })
  async inventoryReturnRecord(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => InventoryReturnRecordInput, { description: 'Where, what, and under which key.' }) input: InventoryReturnRecordInput,
  ) {
    return toPayload(await recordReturn(ctx, input), (inventoryLevels) => ({ inventoryLevels }));
  }
}
