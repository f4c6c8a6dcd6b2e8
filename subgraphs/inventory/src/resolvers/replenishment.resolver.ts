import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MANAGER_ROLES, STAFF_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { InventoryContext } from '../context';
import { Location } from '../entities';
import { ReplenishmentPurchaseOrdersCreatePayload } from '../payloads/replenishment.payloads';
import { locationOf } from '../services/location-of';
import { createReplenishmentOrders, suggestReplenishment } from '../services/replenishment.service';
import { ReplenishmentSuggestion } from '../types/replenishment.types';

/** What to reorder, and turning it into purchase orders. */
@Resolver(() => ReplenishmentSuggestion)
export class ReplenishmentResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => [ReplenishmentSuggestion], { description: 'Low levels and how much to order, for one location or all.' })
  replenishmentSuggestions(
    @Ctx() ctx: InventoryContext,
    @Arg('locationId', () => ID, { nullable: true, description: 'Only this location; all when omitted.' }) locationId?: string | null,
  ) {
    return suggestReplenishment(ctx, locationId);
  }

  @FieldResolver(() => Location, { description: 'Where it runs low.' })
  location(@Root() suggestion: ReplenishmentSuggestion, @Ctx() ctx: InventoryContext) {
    return locationOf(ctx, suggestion.locationId);
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => ReplenishmentPurchaseOrdersCreatePayload, {
    description: "Drafts one purchase order per supplier from a location's replenishment suggestions (managers).",
  })
  async replenishmentPurchaseOrdersCreate(
    @Ctx() ctx: InventoryContext,
    @Arg('locationId', () => ID, { description: 'The location to reorder for.' }) locationId: string,
  ) {
    return toPayload(await createReplenishmentOrders(ctx, locationId), (purchaseOrders) => ({ purchaseOrders }));
  }
}
