/**
 * The checkout saga against the real inventory and promotions subgraphs (in this process, one
 * fresh seeded database), driven with a priced-cart fixture: what the cart's pricing hands the
 * saga. Also the checks that nothing is left held, debited or authorized.
 */
import { randomUUID } from 'node:crypto';
import { GATEWAY_SECRET_HEADER, ServiceCredentials } from '#platform/auth';
import { sql } from '#platform/db';
import { InternalClient } from '#platform/internal';
import { createLogger } from '#platform/runtime';
import type { SubgraphServer } from '#platform/server';
import { startInProcessSubgraphs, type InProcessSubgraphs } from '../../../scripts/lib/in-process-system';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { gqlData } from '../../../test/support/graphql-client';
import { dbId } from '../../../test/support/ids';
import { asAdmin, TEST_JWT_SECRET } from '../../../test/support/tokens';
import type { CheckoutDeps, PricedCart, TenderInput } from '../src/checkout';
import { PersistedTestCardProvider } from '../src/payments';

const GATEWAY_SECRET = 'checkout-test-gateway-secret-0123456789';

export interface CheckoutSystem {
  db: TestDatabase;
  subgraphs: InProcessSubgraphs;
  orders: SubgraphServer;
  deps(options?: { faults?: string[]; leaseMs?: number }): CheckoutDeps;
  card: PersistedTestCardProvider;
  close(): Promise<void>;
}

export async function startCheckoutSystem(): Promise<CheckoutSystem> {
  const db = await createTestDatabase({ seeded: true });
  const logger = createLogger('checkout-test', 'silent');
  const subgraphs = await startInProcessSubgraphs({
    databaseUrl: db.url,
    jwtSecret: TEST_JWT_SECRET,
    gatewaySecret: GATEWAY_SECRET,
    logger,
  });
  const orders = subgraphs.servers.orders;
  const credentials = new ServiceCredentials('orders', TEST_JWT_SECRET, GATEWAY_SECRET);
  const em = () => orders.orm.em.fork();
  const card = new PersistedTestCardProvider(em);
  const client = (name: string) => new InternalClient({ subgraph: name, url: subgraphs.urls[name], credentials, logger });
  const inventory = client('inventory');
  const promotions = client('promotions');
  return {
    db,
    subgraphs,
    orders,
    card,
    deps: (options = {}) => ({
      em,
      inventory,
      promotions,
      card,
      logger,
      faults: new Set(options.faults ?? []),
      leaseMs: options.leaseMs ?? 30_000,
      holdSeconds: 900,
    }),
    close: async () => {
      await subgraphs.close();
      await db.drop();
    },
  };
}

/** A staff call to a subgraph directly (the gateway secret and an admin token). */
export async function adminCall<T = Record<string, any>>(
  system: CheckoutSystem,
  subgraph: string,
  query: string,
  variables = {},
): Promise<T> {
  return gqlData<T>(system.subgraphs.urls[subgraph], query, variables, { ...(await asAdmin()), [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET });
}

/** A call to the orders subgraph directly, as `headers` (a token), with the gateway secret. */
export async function ordersCall(
  system: CheckoutSystem,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) {
  return gqlData<Record<string, unknown>>(system.subgraphs.urls.orders, query, variables, {
    ...headers,
    [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET,
  });
}

/**
 * A SKU with at least `units` available at a store that offers pickup (received there first when
 * it has fewer), and that store: the fixture's carts are collected there.
 */
export async function stockedSku(system: CheckoutSystem, units: number, skip: string[] = []): Promise<{ sku: string; locationId: string }> {
  const [row] = await sql<{ sku: string; location_id: string; available: string }>(
    system.subgraphs.servers.inventory.orm.em.fork(),
    `select l.sku, l.location_id, l.on_hand - l.reserved as available
       from inventory.inventory_level l join inventory.location s on s.id = l.location_id and s.pickup_enabled
      where not (l.sku = any(?)) order by l.on_hand - l.reserved desc, l.sku, l.location_id limit 1`,
    [skip],
  );
  await receiveUpTo(system, row.sku, row.location_id, units);
  return { sku: row.sku, locationId: row.location_id };
}

/** Receives units of `sku` at a location until at least `units` are available there. */
export async function receiveUpTo(system: CheckoutSystem, sku: string, locationId: string, units: number): Promise<void> {
  const [level] = await sql<{ available: string }>(
    system.subgraphs.servers.inventory.orm.em.fork(),
    `select on_hand - reserved as available from inventory.inventory_level where sku = ? and location_id = ?`,
    [sku, locationId],
  );
  const missing = units - Number(level?.available ?? 0);
  if (missing <= 0) return;
  const { inventoryAdjust } = await adminCall(
    system,
    'inventory',
    `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`,
    { input: { sku, locationId, delta: missing, reason: 'RECEIVED' } },
  );
  if (inventoryAdjust.userErrors.length) throw new Error(`inventoryAdjust: ${JSON.stringify(inventoryAdjust.userErrors)}`);
}

/** Units held for checkouts in flight (beyond what placed orders hold), and checkouts' reservations still pending. */
export async function heldStock(system: CheckoutSystem): Promise<{ reservedUnits: number; pendingReservations: number }> {
  const em = system.subgraphs.servers.inventory.orm.em.fork();
  const [levels] = await sql<{ reserved: string }>(em, `select coalesce(sum(reserved), 0) as reserved from inventory.inventory_level`);
  // Placed orders hold their stock until it is fulfilled (CONFIRMED holds): only what is held beyond them counts.
  const [placed] = await sql<{ units: string }>(
    em,
    `select coalesce(sum((line->>'quantity')::int), 0) as units
     from inventory.reservation r, jsonb_array_elements(r.lines) line where r.status = 'CONFIRMED'`,
  );
  const [pending] = await sql<{ n: string }>(
    em,
    `select count(*) as n from inventory.reservation where status = 'PENDING' and reference like 'checkout:%'`,
  );
  return { reservedUnits: Number(levels.reserved) - Number(placed.units), pendingReservations: Number(pending.n) };
}

/** Discount uses held and not committed. */
export async function heldDiscountUses(system: CheckoutSystem): Promise<number> {
  const [row] = await sql<{ n: string }>(
    system.subgraphs.servers.promotions.orm.em.fork(),
    `select count(*) as n from promotions.discount_redemption where status = 'RESERVED'`,
  );
  return Number(row.n);
}

/** Gift card ids by code, for reading balances without the rate-limited public lookup. */
const giftCardIds = new Map<string, string>();

/** A gift card's balance as promotions keeps it ("12.50"). */
export async function giftCardBalance(system: CheckoutSystem, giftCardCode: string): Promise<string> {
  const [row] = await sql<{ balance: string }>(
    system.subgraphs.servers.promotions.orm.em.fork(),
    `select balance from promotions.gift_card where id = ?`,
    [giftCardIds.get(giftCardCode)],
  );
  return row ? (Number(row.balance) / 100).toFixed(2) : 'none';
}

export async function createGiftCard(system: CheckoutSystem, amount: string): Promise<string> {
  const { giftCardCreate } = await adminCall<{ giftCardCreate: { giftCardCode: string; giftCard: { id: string }; userErrors: unknown[] } }>(
    system,
    'promotions',
    `mutation($input: GiftCardCreateInput!) { giftCardCreate(input: $input) { giftCardCode giftCard { id } userErrors { field message code } } }`,
    { input: { initialValue: { amount } } },
  );
  if (giftCardCreate.userErrors.length) throw new Error(JSON.stringify(giftCardCreate.userErrors));
  giftCardIds.set(giftCardCreate.giftCardCode, dbId(giftCardCreate.giftCard.id));
  return giftCardCreate.giftCardCode;
}

/**
 * A priced cart of `quantity` × `sku` at `unitPriceMinor` each, prices including 19% VAT,
 * collected at `locationId`: figures that keep the money invariants (lines + shipping −
 * discounts = total; tax as computed).
 */
export function pricedCart(options: {
  sku: string;
  locationId: string;
  quantity?: number;
  unitPriceMinor?: number;
  customerId?: string | null;
}): PricedCart {
  const quantity = options.quantity ?? 1;
  const unit = options.unitPriceMinor ?? 11_900;
  const subtotal = unit * quantity;
  const tax = Math.round((subtotal * 1900) / 11_900);
  const taxLines = [{ name: 'VAT 19%', rateBasisPoints: 1900, amountMinor: tax }];
  return {
    cartId: `cart-${randomUUID()}`,
    channel: 'WEB',
    currencyCode: 'EUR',
    customerId: options.customerId ?? null,
    email: 'buyer@example.com',
    lines: [
      {
        sku: options.sku,
        productId: null,
        variantId: null,
        productTitle: 'Test product',
        variantTitle: null,
        quantity,
        unitPriceMinor: unit,
        subtotalMinor: subtotal,
        discountMinor: 0,
        taxMinor: tax,
        totalMinor: subtotal,
        allocations: [],
        taxLines,
      },
    ],
    discountApplications: [],
    codes: [],
    delivery: { method: 'PICKUP', locationId: options.locationId, address: null, near: null },
    totals: {
      subtotalMinor: subtotal,
      discountTotalMinor: 0,
      shippingMinor: 0,
      shippingDiscountMinor: 0,
      taxTotalMinor: tax,
      totalMinor: subtotal,
      taxLines,
      pricesIncludeTax: true,
    },
  };
}

export const APPROVE = '4242424242424242';
export const DECLINE = '4000000000000002';
export const TIMEOUT = '4000000000000119';

export const card = (amountMinor: number, cardNumber = APPROVE): TenderInput => ({ method: 'TEST_CARD', amountMinor, cardNumber });
