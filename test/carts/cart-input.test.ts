import { Role } from '#platform/auth';
import { demoSkus } from '../../subgraphs/products/src/seed/seed-demo-catalog';
import { gql, gqlData } from '../support/graphql-client';
import { internalCalls } from '../support/internal-calls';
import { countStatements } from '../support/products';
import { CART_FIELDS, createStockedProduct, locationsByName, newCustomer, PAYLOAD } from '../support/carts';
import { startSupergraph, type SupergraphHarness } from '../support/supergraph';
import { ANONYMOUS, bearer, type AuthHeaders } from '../support/tokens';

/**
 * What a shopper or a client can get wrong, through the gateway: each is a clear user error and
 * changes nothing. And what a cart costs the other subgraphs: a constant number of calls,
 * whatever its number of lines.
 */
let system: SupergraphHarness;
let admin: AuthHeaders;
let stores: Awaited<ReturnType<typeof locationsByName>>;

beforeAll(async () => {
  system = await startSupergraph();
  admin = await bearer(Role.ADMIN);
  stores = await locationsByName(system);
  await createStockedProduct(system, admin, { sku: 'CI-A', price: '10.00', stock: { [stores['Velocity Cycles Berlin Mitte'].id]: 5 } });
});
afterAll(() => system?.close());

const api = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers: AuthHeaders = ANONYMOUS) =>
  gqlData<T>(system.gateway.url, query, variables, headers);

async function guestCart(lines = `[{ sku: "CI-A", quantity: 1 }]`): Promise<string> {
  const { cartCreate } = await api(`mutation { cartCreate(input: { channel: WEB, lines: ${lines} }) { ${PAYLOAD} } }`);
  expect(cartCreate.userErrors).toEqual([]);
  return cartCreate.cart.id;
}

const readCart = async (id: string, headers: AuthHeaders = ANONYMOUS) =>
  (await api(`query($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`, { id }, headers)).cart;

describe('bad input', () => {
  let cartId: string;
  let before: unknown;

  beforeAll(async () => {
    cartId = await guestCart();
    before = await readCart(cartId);
  });

  // Each case names the mutation's arguments and the error it must answer with.
  const cases: [string, string, { code: string; field?: string[] }][] = [
    [
      'an unknown SKU',
      `cartLinesAdd(cartId: $id, lines: [{ sku: "NO-SUCH-SKU", quantity: 1 }])`,
      { code: 'UNKNOWN_SKU', field: ['lines', '0', 'sku'] },
    ],
    [
      'an unknown variant id',
      `cartLinesAdd(cartId: $id, lines: [{ variantId: "00000000-0000-4000-8000-000000000000", quantity: 1 }])`,
      { code: 'UNKNOWN_SKU', field: ['lines', '0', 'variantId'] },
    ],
    [
      'quantity 0',
      `cartLinesAdd(cartId: $id, lines: [{ sku: "CI-A", quantity: 0 }])`,
      { code: 'GREATER_THAN_OR_EQUAL_TO', field: ['lines', '0', 'quantity'] },
    ],
    [
      'quantity -1',
      `cartLinesUpdate(cartId: $id, lines: [{ id: "00000000-0000-4000-8000-000000000000", quantity: -1 }])`,
      { code: 'GREATER_THAN_OR_EQUAL_TO' },
    ],
    [
      'quantity 10,000',
      `cartLinesAdd(cartId: $id, lines: [{ sku: "CI-A", quantity: 10000 }])`,
      { code: 'LESS_THAN_OR_EQUAL_TO', field: ['lines', '0', 'quantity'] },
    ],
    [
      'a line past 999 with what is there',
      `cartLinesAdd(cartId: $id, lines: [{ sku: "CI-A", quantity: 999 }])`,
      { code: 'LESS_THAN_OR_EQUAL_TO' },
    ],
    [
      'a code of 10,000 characters',
      `cartDiscountCodesUpdate(cartId: $id, discountCodes: ["${'A'.repeat(10_000)}"])`,
      { code: 'TOO_LONG', field: ['discountCodes', '0'] },
    ],
    [
      'an address without a country',
      `cartDeliveryUpdate(cartId: $id, delivery: { handle: "SHIP:00000000-0000-4000-8000-000000000000", address: { address1: "Torstraße 1", city: "Berlin" } })`,
      { code: 'BLANK', field: ['delivery', 'address', 'countryCode'] },
    ],
    ['an unknown line', `cartLinesRemove(cartId: $id, lineIds: ["00000000-0000-4000-8000-000000000000"])`, { code: 'NOT_FOUND' }],
    [
      'an unknown cart',
      `cartLinesAdd(cartId: "nope", lines: [{ sku: "CI-A", quantity: 1 }])`,
      { code: 'CART_NOT_FOUND', field: ['cartId'] },
    ],
    ['a malformed email', `cartBuyerIdentityUpdate(cartId: $id, buyerIdentity: { email: "not-an-email" })`, { code: 'INVALID' }],
    ['a country that is not one', `cartBuyerIdentityUpdate(cartId: $id, buyerIdentity: { countryCode: "Germany" })`, { code: 'INVALID' }],
  ];

  it.each(cases)('%s is a user error', async (_what, call, expected) => {
    const variables = call.includes('$id') ? { id: cartId } : {};
    const header = call.includes('$id') ? 'mutation($id: ID!)' : 'mutation';
    const response = await gql(
      system.gateway.url,
      `${header} { result: ${call} { cart { id } userErrors { field message code } } }`,
      variables,
      ANONYMOUS,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.result.cart).toBeNull();
    expect(response.data!.result.userErrors[0]).toMatchObject(expected);
  });

  it('a pickup where the location offers none is refused', async () => {
    const warehouse = stores['Central Warehouse Leipzig'];
    expect(warehouse.pickupEnabled).toBe(false);
    const { cartDeliveryUpdate } = await api(
      `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle }) { ${PAYLOAD} } }`,
      { id: cartId, handle: `PICKUP:${warehouse.id}` },
    );
    expect(cartDeliveryUpdate.userErrors).toEqual([expect.objectContaining({ code: 'DELIVERY_NOT_AVAILABLE' })]);
  });

  it('300 lines are refused at the gateway, before anything runs, naming the argument', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => ({ sku: `X-${i}`, quantity: 1 }));
    const response = await gql(
      system.gateway.url,
      `mutation($id: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $id, lines: $lines) { cart { id } userErrors { code } } }`,
      { id: cartId, lines },
      ANONYMOUS,
    );
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'lines' }) }),
    ]);
  });

  it('none of them changed the cart', async () => {
    expect(await readCart(cartId)).toEqual(before);
  });
});

describe('access', () => {
  it('one customer opening carts on twenty devices at once ends with one cart holding all twenty', async () => {
    const cy = await newCustomer(system, 'cy.devices@example.com');
    const created = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(`mutation { cartCreate(input: { channel: APP, lines: [{ sku: "CI-A", quantity: 1 }] }) { ${PAYLOAD} } }`, {}, cy.headers),
      ),
    );
    for (const answer of created) expect(answer.cartCreate.userErrors).toEqual([]);
    const ids = new Set(created.map((answer) => answer.cartCreate.cart.id as string));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect((await readCart(id, cy.headers)).lines.nodes.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
      ['CI-A', 20],
    ]);
  });

  it("another customer's cart is answered as an unknown one, and a merged cart is closed", async () => {
    const ada = await newCustomer(system, 'ada.access@example.com');
    const bob = await newCustomer(system, 'bob.access@example.com');
    const { cartCreate } = await api(
      `mutation { cartCreate(input: { channel: WEB, lines: [{ sku: "CI-A", quantity: 1 }] }) { ${PAYLOAD} } }`,
      {},
      ada.headers,
    );
    const adas = cartCreate.cart.id as string;

    for (const headers of [bob.headers, ANONYMOUS]) {
      expect(await readCart(adas, headers)).toBeNull();
      const { cartLinesAdd } = await api(
        `mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ sku: "CI-A", quantity: 1 }]) { ${PAYLOAD} } }`,
        { id: adas },
        headers,
      );
      expect(cartLinesAdd.userErrors).toEqual([expect.objectContaining({ code: 'CART_NOT_FOUND' })]);
    }
    expect((await readCart(adas, await bearer(Role.STAFF))).id).toBe(adas);
    expect((await readCart(adas, ada.headers)).lines.nodes[0].quantity).toBe(1);

    // A guest cart merged into Ada's on sign-in is closed for good.
    const guest = await guestCart();
    const { cartBuyerIdentityUpdate } = await api(
      `mutation($id: ID!) { cartBuyerIdentityUpdate(cartId: $id, buyerIdentity: {}) { ${PAYLOAD} } }`,
      { id: guest },
      ada.headers,
    );
    expect(cartBuyerIdentityUpdate.cart.id).toBe(adas);
    expect(cartBuyerIdentityUpdate.cart.lines.nodes[0].quantity).toBe(2);
    const { cartLinesAdd } = await api(
      `mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{ sku: "CI-A", quantity: 1 }]) { ${PAYLOAD} } }`,
      { id: guest },
      ada.headers,
    );
    expect(cartLinesAdd.userErrors).toEqual([expect.objectContaining({ code: 'CART_CLOSED' })]);
  });
});

describe('calls to other subgraphs', () => {
  const INTERNAL = ['VariantsForPricing', 'StockAvailability', 'DiscountsEvaluate', 'Entities'];
  const callsOf = (work: () => Promise<unknown>) => internalCalls(INTERNAL, work);

  it('prices a cart of 2 and of 20 lines with one call each to products, inventory and promotions', async () => {
    const skus = demoSkus().slice(0, 20);
    const lines = (n: number) =>
      `[${skus
        .slice(0, n)
        .map((sku) => `{ sku: "${sku}", quantity: 1 }`)
        .join(', ')}]`;
    const small = await guestCart(lines(2));
    const large = await guestCart(lines(20));
    const once = { VariantsForPricing: 1, StockAvailability: 1, DiscountsEvaluate: 1 };

    for (const id of [small, large]) {
      expect(await callsOf(() => readCart(id))).toEqual(once);
      // And two statements: the cart, then its lines and codes with the shop's taxes and zones.
      expect(await countStatements(system.servers.orders, () => readCart(id))).toBe(2);
    }
    // A change checks its SKUs with the catalog before its transaction and prices its answer with the same read.
    const added = await callsOf(() =>
      api(`mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: ${lines(20)}) { ${PAYLOAD} } }`, { id: small }),
    );
    expect(added).toEqual(once);
    expect((await readCart(small)).lines.nodes).toHaveLength(20);
  });

  it('chooses a pickup store with one call to inventory: the store is checked with the stock the answer is priced with', async () => {
    const id = await guestCart();
    const handle = `PICKUP:${stores['Velocity Cycles Berlin Mitte'].id}`;
    let answer: Record<string, any> = {};
    const calls = await callsOf(async () => {
      answer = await api(
        `mutation($id: ID!, $handle: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $handle }) { ${PAYLOAD} } }`,
        {
          id,
          handle,
        },
      );
    });
    expect(answer.cartDeliveryUpdate.userErrors).toEqual([]);
    expect(calls).toEqual({ VariantsForPricing: 1, StockAvailability: 1, DiscountsEvaluate: 1 });
    expect((await readCart(id)).delivery).toMatchObject({ method: 'PICKUP' });
  });
});

describe('taxes and shipping, managed by managers', () => {
  it('sets a rate, refuses a bad one, and a new zone is offered to carts of its countries', async () => {
    const manager = await bearer(Role.MANAGER);
    const bad = await api(
      `mutation { taxRateSet(input: { countryCode: "AT", taxClass: REDUCED, ratePercent: "120", name: "USt." }) { taxRate { id } userErrors { field code } } }`,
      {},
      manager,
    );
    expect(bad.taxRateSet.userErrors).toEqual([{ field: ['input', 'ratePercent'], code: 'INVALID' }]);
    const good = await api(
      `mutation { taxRateSet(input: { countryCode: "CH", taxClass: STANDARD, ratePercent: "8.1", name: "MWST 8,1 %" }) { taxRate { ratePercent } userErrors { code } } }`,
      {},
      manager,
    );
    expect(good.taxRateSet).toEqual({ taxRate: { ratePercent: '8.1' }, userErrors: [] });

    const taken = await api(
      `mutation { shippingZoneCreate(input: { name: "Twice", countries: ["DE"], rates: [] }) { shippingZone { id } userErrors { code } } }`,
      {},
      manager,
    );
    expect(taken.shippingZoneCreate.userErrors).toEqual([{ code: 'TAKEN' }]);
    const { shippingZoneCreate } = await api(
      `mutation { shippingZoneCreate(input: { name: "Switzerland", countries: ["ch"], rates: [{ name: "Post", price: { amount: "19.00" }, minDays: 2, maxDays: 5 }] }) { shippingZone { id countries rates { id name price { amount } } } userErrors { code } } }`,
      {},
      manager,
    );
    expect(shippingZoneCreate.userErrors).toEqual([]);
    expect(shippingZoneCreate.shippingZone).toMatchObject({ countries: ['CH'], rates: [{ name: 'Post', price: { amount: '19.00' } }] });

    const { cartCreate } = await api(
      `mutation { cartCreate(input: { channel: WEB, lines: [{ sku: "CI-A", quantity: 1 }], buyerIdentity: { countryCode: "CH" } }) { ${PAYLOAD} } }`,
    );
    expect(cartCreate.cart.deliveryOptions.filter((o: { method: string }) => o.method === 'SHIP')).toEqual([
      expect.objectContaining({
        handle: `SHIP:${shippingZoneCreate.shippingZone.rates[0].id}`,
        price: { amount: '19.00' },
        minDays: 2,
        maxDays: 5,
      }),
    ]);
    expect(cartCreate.cart.cost).toMatchObject({
      taxCountryCode: 'CH',
      taxLines: [{ title: 'MWST 8,1 %', ratePercent: '8.1', amount: { amount: '0.75' } }],
    });
  });

  it('updates a zone: a rate kept by its id keeps the carts that chose it, at its new price; others come and go', async () => {
    const manager = await bearer(Role.MANAGER);
    const ZONE = `shippingZone { id countries rates { id name price { amount } } } userErrors { field code }`;
    const { shippingZoneCreate } = await api(
      `mutation { shippingZoneCreate(input: { name: "Norway", countries: ["NO"], rates: [{ name: "Posten", price: { amount: "25.00" }, minDays: 3, maxDays: 6 }] }) { ${ZONE} } }`,
      {},
      manager,
    );
    const zone = shippingZoneCreate.shippingZone;
    const posten = zone.rates[0].id as string;
    const { cartCreate } = await api(
      `mutation { cartCreate(input: { channel: WEB, lines: [{ sku: "CI-A", quantity: 1 }], buyerIdentity: { countryCode: "NO" } }) { ${PAYLOAD} } }`,
    );
    const cartId = cartCreate.cart.id as string;
    const chosen = await api(
      `mutation($id: ID!, $h: String!) { cartDeliveryUpdate(cartId: $id, delivery: { handle: $h, address: { address1: "Karl Johans gate 1", city: "Oslo", countryCode: "NO" } }) { ${PAYLOAD} } }`,
      { id: cartId, h: `SHIP:${posten}` },
    );
    expect(chosen.cartDeliveryUpdate.cart.cost.shippingTotal).toEqual({ amount: '25.00' });

    const update = (id: string, input: Record<string, unknown>) =>
      api(
        `mutation($id: ID!, $input: ShippingZoneInput!) { shippingZoneUpdate(id: $id, input: $input) { ${ZONE} } }`,
        { id, input },
        manager,
      );
    const rates = [
      { id: posten, name: 'Posten', price: { amount: '29.00' }, minDays: 3, maxDays: 6 },
      { name: 'Express', price: { amount: '49.00' }, minDays: 1, maxDays: 2 },
    ];
    const updated = await update(zone.id, { name: 'Norway and Iceland', countries: ['NO', 'IS'], rates });
    expect(updated.shippingZoneUpdate.userErrors).toEqual([]);
    expect(updated.shippingZoneUpdate.shippingZone).toMatchObject({
      countries: ['NO', 'IS'],
      rates: [
        { id: posten, name: 'Posten', price: { amount: '29.00' } },
        { name: 'Express', price: { amount: '49.00' } },
      ],
    });
    const repriced = await readCart(cartId);
    expect(repriced.delivery.option.handle).toBe(`SHIP:${posten}`);
    expect(repriced.cost.shippingTotal).toEqual({ amount: '29.00' });

    // Bad input changes nothing: a country of another zone, an id that is none of this zone's rates, an unknown zone.
    expect((await update(zone.id, { name: 'Grab', countries: ['NO', 'DE'], rates })).shippingZoneUpdate.userErrors).toEqual([
      { field: ['input', 'countries'], code: 'TAKEN' },
    ]);
    const foreign = { id: shippingZoneCreate.shippingZone.id, name: 'Stolen', price: { amount: '1.00' }, minDays: 1, maxDays: 1 };
    expect((await update(zone.id, { name: 'N', countries: ['NO'], rates: [foreign] })).shippingZoneUpdate.userErrors).toEqual([
      { field: ['input', 'rates', '0', 'id'], code: 'NOT_FOUND' },
    ]);
    expect(
      (await update('00000000-0000-4000-8000-000000000000', { name: 'N', countries: ['NO'], rates: [] })).shippingZoneUpdate.userErrors,
    ).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    const zones = await api(`{ shippingZones { id name countries rates { name } } }`, {}, manager);
    expect(zones.shippingZones.find((z: { id: string }) => z.id === zone.id)).toEqual({
      id: zone.id,
      name: 'Norway and Iceland',
      countries: ['NO', 'IS'],
      rates: [{ name: 'Posten' }, { name: 'Express' }],
    });
  });
});
