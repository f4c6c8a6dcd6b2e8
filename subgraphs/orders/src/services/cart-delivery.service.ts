import type { MutationOutcome } from '#platform/db';
import { GLOBAL_ID_PREFIX, parseGlobalId } from '#platform/ids';
import { UserError, UserErrorsException } from '#platform/graphql';
import type { OrdersContext } from '../context';
import { type Cart, type CartAddress, DeliveryMethod } from '../entities';
import { OrdersErrorCode } from '../errors';
import type { CartAddressInput, CartDeliveryInput } from '../inputs/cart.input';
import { addressErrors } from '../rules/cart-input';
import { cartNotFound, findCart } from './cart-access';
import { cartSkus, stockFor } from './cart-pricing.service';
import { changeCart } from './cart.service';
import { readShopConfig } from './shop-config.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Chooses how the cart reaches the shopper, by an option handle. SHIP needs a rate of the zone
 * the address's (or buyer's) country is in; PICKUP and SHIP_TO_STORE a store that offers pickup.
 * The stores are asked of inventory before the transaction, with the stock the answer is priced with.
 */
export async function updateCartDelivery(ctx: OrdersContext, cartId: string, input: CartDeliveryInput): Promise<MutationOutcome<Cart>> {
  const [method, target] = parseHandle(input.handle);
  if (!method || !target || !UUID.test(target))
    return refused(new UserError(['delivery', 'handle'], 'Not a delivery option handle', OrdersErrorCode.INVALID));
  if (input.address) {
    const errors = addressErrors({ ...input.address }, ['delivery', 'address']);
    if (errors.length > 0) return { ok: false, userErrors: errors };
  }
  const cart = await findCart(ctx, cartId);
  if (!cart) return { ok: false, userErrors: cartNotFound().userErrors };

  if (method === DeliveryMethod.SHIP) {
    const country = input.address?.countryCode?.trim().toUpperCase() ?? cart.shippingAddress?.countryCode ?? cart.countryCode;
    if (!country)
      return refused(
        new UserError(['delivery', 'address', 'countryCode'], 'Shipping needs an address with a country', OrdersErrorCode.BLANK),
      );
    const { zones } = await readShopConfig(ctx);
    const rateZone = zones.find((zone) => zone.rates.some((rate) => rate.id === target));
    if (!rateZone) return refused(new UserError(['delivery', 'handle'], 'No shipping rate has this id', OrdersErrorCode.NOT_FOUND));
    if (!rateZone.countries.includes(country)) {
      return refused(
        new UserError(['delivery', 'handle'], `${rateZone.name} does not ship to ${country}`, OrdersErrorCode.DELIVERY_NOT_AVAILABLE),
      );
    }
    return changeCart(ctx, cartId, (_tx, locked) => {
      locked.deliveryMethod = DeliveryMethod.SHIP;
      locked.shippingRateId = target;
      locked.pickupLocationId = null;
      locked.pickupStore = null;
      if (input.address) locked.shippingAddress = toAddress(input.address);
      return Promise.resolve();
    });
  }

  // Read with the cart's SKUs, as pricing the answer reads it: one call for both.
  const { locations } = await stockFor(ctx, await cartSkus(ctx, cart.id));
  const store = locations.find((location) => location.id === target);
  if (!store) return refused(new UserError(['delivery', 'handle'], 'No location has this id', OrdersErrorCode.NOT_FOUND));
  if (!store.pickupEnabled)
    return refused(new UserError(['delivery', 'handle'], `${store.name} does not offer pickup`, OrdersErrorCode.DELIVERY_NOT_AVAILABLE));
  return changeCart(ctx, cartId, (_tx, locked) => {
    locked.deliveryMethod = method;
    locked.pickupLocationId = target;
    locked.pickupStore = { name: store.name, countryCode: store.countryCode, province: store.province };
    locked.shippingRateId = null;
    return Promise.resolve();
  });
}

function parseHandle(handle: string): [DeliveryMethod | null, string | null] {
  const at = handle.indexOf(':');
  if (at < 0) return [null, null];
  const method = handle.slice(0, at);
  const known = Object.values(DeliveryMethod).find((value) => String(value) === method) ?? null;
  // The id a handle carries is global as answered ("SHIP:gid://commerce/ShippingRate/…") or raw.
  const target = handle.slice(at + 1);
  const expected = known === DeliveryMethod.SHIP ? 'ShippingRate' : 'Location';
  if (!target.startsWith(GLOBAL_ID_PREFIX)) return [known, target];
  const parsed = parseGlobalId(target);
  return [known, parsed?.type === expected ? parsed.key : null];
}

/** The address as stored: trimmed, blanks as null, the country upper-cased. */
export function toAddress(input: CartAddressInput): CartAddress {
  const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  return {
    firstName: text(input.firstName),
    lastName: text(input.lastName),
    address1: input.address1.trim(),
    address2: text(input.address2),
    city: input.city.trim(),
    province: text(input.province),
    postalCode: text(input.postalCode),
    countryCode: input.countryCode!.trim().toUpperCase(),
    phone: text(input.phone),
    coordinates: input.coordinates ? { latitude: input.coordinates.latitude, longitude: input.coordinates.longitude } : null,
  };
}

function refused(error: UserError): MutationOutcome<never> {
  return { ok: false, userErrors: new UserErrorsException([error]).userErrors };
}
