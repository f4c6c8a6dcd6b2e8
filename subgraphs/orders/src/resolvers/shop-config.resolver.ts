import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { MANAGER_ROLES, STAFF_ROLES } from '#platform/auth';
import { toPayload } from '#platform/graphql';
import type { OrdersContext } from '../context';
import {
  ShippingZoneCreatePayload,
  ShippingZoneDeletePayload,
  ShippingZoneUpdatePayload,
  TaxRateSetPayload,
} from '../payloads/cart.payloads';
import {
  createShippingZone,
  deleteShippingZone,
  listShippingZones,
  listTaxRates,
  setTaxRate,
  updateShippingZone,
} from '../services/shop-config-admin.service';
import { ShippingZoneInput, ShippingZoneView, TaxRateSetInput, TaxRateView } from '../types/shop-config.types';

/** Tax rates and shipping zones: read by staff, changed by managers. */
@Resolver()
export class ShopConfigResolver {
  @Authorized(STAFF_ROLES)
  @Query(() => [TaxRateView], { description: 'Every tax rate, by country (staff).' })
  taxRates(@Ctx() ctx: OrdersContext) {
    return listTaxRates(ctx);
  }

  @Authorized(STAFF_ROLES)
  @Query(() => [ShippingZoneView], { description: 'Every shipping zone with its rates (staff).' })
  shippingZones(@Ctx() ctx: OrdersContext) {
    return listShippingZones(ctx);
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => TaxRateSetPayload, { description: "Sets a destination's rate for a tax class, replacing the one there (managers)." })
  async taxRateSet(
    @Ctx() ctx: OrdersContext,
    @Arg('input', () => TaxRateSetInput, { description: 'Country, region, class and percentage.' }) input: TaxRateSetInput,
  ) {
    return toPayload(await setTaxRate(ctx, input), (taxRate) => ({ taxRate }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => ShippingZoneCreatePayload, { description: 'Creates a shipping zone with its rates (managers).' })
  async shippingZoneCreate(
    @Ctx() ctx: OrdersContext,
    @Arg('input', () => ShippingZoneInput, { description: 'Name, countries and rates.' }) input: ShippingZoneInput,
  ) {
    return toPayload(await createShippingZone(ctx, input), (shippingZone) => ({ shippingZone }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => ShippingZoneUpdatePayload, {
    description: "Replaces a zone's name, countries and rates; rates given with their id are changed in place (managers).",
  })
  async shippingZoneUpdate(
    @Ctx() ctx: OrdersContext,
    @Arg('id', () => ID, { description: 'The zone to change.' }) id: string,
    @Arg('input', () => ShippingZoneInput, { description: 'The whole zone as it is to be: name, countries and rates.' })
    input: ShippingZoneInput,
  ) {
    return toPayload(await updateShippingZone(ctx, id, input), (shippingZone) => ({ shippingZone }));
  }

  @Authorized(MANAGER_ROLES)
  @Mutation(() => ShippingZoneDeletePayload, { description: 'Deletes a shipping zone and its rates (managers).' })
  async shippingZoneDelete(@Ctx() ctx: OrdersContext, @Arg('id', () => ID, { description: 'The zone to delete.' }) id: string) {
    return toPayload(await deleteShippingZone(ctx, id), (deletedShippingZoneId) => ({ deletedShippingZoneId }));
  }
}
