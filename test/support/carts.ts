import { Role } from '#platform/auth';
import { gqlData } from './graphql-client';
import type { SupergraphHarness } from './supergraph';
import { bearer, type AuthHeaders } from './tokens';

/** Everything a storefront shows of a cart (a page of 50 lines keeps the cost under the gateway's limit). */
export const CART_FIELDS = `
  id channel status updatedAt note
  buyerIdentity { email phone countryCode customer { id } }
  lines(first: 50) { nodes { id sku quantity unitPrice { amount } compareAtPrice { amount }
    discountAllocations { discountId title code amount { amount } }
    cost { subtotal { amount } discount { amount } tax { amount } total { amount } } } }
  discountCodes { code applicable reason }
  delivery { method option { handle title price { amount } } address { countryCode city } }
  deliveryOptions { handle method title price { amount } location { id } minDays maxDays quantityAvailableNow }
  cost { subtotal { amount currencyCode } discountTotal { amount } shippingTotal { amount } shippingDiscount { amount }
    taxTotal { amount } total { amount } pricesIncludeTax taxCountryCode taxLines { title ratePercent amount { amount } } }
  warnings { code message lineId quantityAvailable }`;

export const PAYLOAD = `cart { ${CART_FIELDS} } userErrors { field message code }`;

/** A product of one variant, published on WEB, APP and POS, with stock at the named locations. */
export async function createStockedProduct(
  system: SupergraphHarness,
  admin: AuthHeaders,
  product: { sku: string; price: string; taxClass?: string; compareAt?: string; stock?: Record<string, number> },
): Promise<void> {
  const { productCreate } = await gqlData(
    system.gateway.url,
    `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } userErrors { field message code } } }`,
    {
      input: {
        title: `Cart test ${product.sku}`,
        status: 'ACTIVE',
        taxClass: product.taxClass ?? 'STANDARD',
        channels: ['WEB', 'APP', 'POS'],
        variants: [
          {
            sku: product.sku,
            price: { amount: product.price },
            ...(product.compareAt ? { compareAtPrice: { amount: product.compareAt } } : {}),
          },
        ],
      },
    },
    admin,
  );
  if (productCreate.userErrors.length) throw new Error(JSON.stringify(productCreate.userErrors));
  for (const [locationId, delta] of Object.entries(product.stock ?? {})) {
    const { inventoryAdjust } = await gqlData(
      system.gateway.url,
      `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code message } } }`,
      { input: { sku: product.sku, locationId, delta, reason: 'RECEIVED' } },
      admin,
    );
    if (inventoryAdjust.userErrors.length) throw new Error(JSON.stringify(inventoryAdjust.userErrors));
  }
}

/** The stores and warehouses, with whether they offer pickup. */
export async function locationsByName(
  system: SupergraphHarness,
): Promise<Record<string, { id: string; pickupEnabled: boolean; type: string }>> {
  const { locations } = await gqlData(
    system.gateway.url,
    `{ locations(first: 50) { nodes { id name type pickupEnabled } } }`,
    {},
    await bearer(Role.ADMIN),
  );
  return Object.fromEntries(
    (locations.nodes as { id: string; name: string; type: string; pickupEnabled: boolean }[]).map((l) => [l.name, l]),
  );
}

/** A customer that exists in the customers subgraph, and a token for them. */
export async function newCustomer(system: SupergraphHarness, email: string): Promise<{ id: string; headers: AuthHeaders }> {
  const { customerCreate } = await gqlData(
    system.gateway.url,
    `mutation($email: String!) { customerCreate(input: { email: $email, password: "correct-horse-42" }) { customer { id } userErrors { code } } }`,
    { email },
    await bearer(Role.ADMIN),
  );
  const id = customerCreate.customer.id as string;
  return { id, headers: await bearer(Role.CUSTOMER, { subject: id }) };
}

/**
 * A WEB cart of `quantity` × `sku` for a buyer in Germany, shipped to a Berlin address with the
 * first SHIP option: its id and the total it shows.
 */
export async function shippedCart(
  system: SupergraphHarness,
  headers: AuthHeaders,
  line: { sku: string; quantity: number },
  email: string | null = null,
): Promise<{ id: string; total: string }> {
  const api = (query: string, variables: Record<string, unknown>) => gqlData(system.gateway.url, query, variables, headers);
  const { cartCreate } = await api(`mutation($input: CartCreateInput!) { cartCreate(input: $input) { ${PAYLOAD} } }`, {
    input: { channel: 'WEB', lines: [line], buyerIdentity: { countryCode: 'DE', email } },
  });
  if (cartCreate.userErrors.length) throw new Error(`cartCreate: ${JSON.stringify(cartCreate.userErrors)}`);
  const cart = cartCreate.cart;
  const handle = (cart.deliveryOptions as { method: string; handle: string }[]).find((o) => o.method === 'SHIP')?.handle;
  const address = { address1: 'Teststraße 1', city: 'Berlin', postalCode: '10115', countryCode: 'DE' };
  const { cartDeliveryUpdate } = await api(
    `mutation($id: ID!, $delivery: CartDeliveryInput!) { cartDeliveryUpdate(cartId: $id, delivery: $delivery) { ${PAYLOAD} } }`,
    { id: cart.id, delivery: { handle, address } },
  );
  if (cartDeliveryUpdate.userErrors.length) throw new Error(`cartDeliveryUpdate: ${JSON.stringify(cartDeliveryUpdate.userErrors)}`);
  return { id: cart.id as string, total: cartDeliveryUpdate.cart.cost.total.amount as string };
}

/** Turns pickup for online shoppers on or off at a location, as an admin; throws when refused. */
export async function offerPickup(system: SupergraphHarness, locationId: string, enabled: boolean): Promise<void> {
  const { locationUpdate } = await gqlData(
    system.gateway.url,
    `mutation($id: ID!, $on: Boolean!) { locationUpdate(id: $id, input: { pickupEnabled: $on }) { userErrors { field message code } } }`,
    { id: locationId, on: enabled },
    await bearer(Role.ADMIN),
  );
  if (locationUpdate.userErrors.length) throw new Error(`locationUpdate: ${JSON.stringify(locationUpdate.userErrors)}`);
}
