import { Arg, Authorized, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { Role } from '#platform/auth';
import type { InventoryContext } from '../context';
import { stockAvailability } from '../services/availability.service';
import { StockAvailability } from '../types/availability.types';

/** The internal read the orders subgraph prices carts and offers pickup with; @inaccessible. */
@Resolver()
export class AvailabilityResolver {
  @Authorized([Role.SERVICE])
  @Directive('@inaccessible')
  @Query(() => StockAvailability, { description: 'Every location, and the available stock of up to 250 SKUs at each, in one read.' })
  stockAvailability(@Ctx() ctx: InventoryContext, @Arg('skus', () => [String]) skus: string[]): Promise<StockAvailability> {
    return stockAvailability(ctx, skus);
  }
}
