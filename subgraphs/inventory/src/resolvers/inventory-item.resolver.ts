import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { MANAGER_ROLES, STAFF_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { InventoryItemUpdateInput } from '../inputs/inventory-item.input';
import { InventoryItemUpdatePayload } from '../payloads/replenishment.payloads';
import { findInventoryItem, updateInventoryItem } from '../services/inventory-item.service';
import { InventoryItemType } from '../types/replenishment.types';

/** Purchasing facts of SKUs: supplier and case size. */
@Resolver(() => InventoryItemType)
export class InventoryItemResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => InventoryItemType, { nullable: true, description: 'The supplier and case size of a SKU; null when never set.' })
  inventoryItem(@Ctx() ctx: InventoryContext, @Arg('sku', () => String, { description: 'The SKU.' }) sku: string) {
    return findInventoryItem(ctx, sku);
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => InventoryItemUpdatePayload, {
    description: 'Sets the supplier and case size of a SKU, creating them on first use (managers).',
  })
  async inventoryItemUpdate(
    @Ctx() ctx: InventoryContext,
    @Arg('input', () => InventoryItemUpdateInput, { description: 'The SKU and its new purchasing facts.' }) input: InventoryItemUpdateInput,
  ) {
    return toPayload(await updateInventoryItem(ctx, input), (inventoryItem) => ({ inventoryItem }));
  }
}
