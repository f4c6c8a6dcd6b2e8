import { join } from 'node:path';
import { bool, num, str, url } from 'envalid';
import { ConfigError, loadConfig, positiveInt } from '#platform/config';
import { isCurrencyCode, type CurrencyCode } from '#platform/graphql';
import { createMailer } from '#platform/mail';
import { buildSubgraph, defineSubgraph, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { createOrdersContext, type OrdersShared } from './context';
import { sweepCancellations, sweepExpiredPickups } from './cancellation';
import { sweepExchanges, sweepRefunds, sweepRestocks } from './returns';
import { CheckoutAdmission, parseFaults, sweepCheckouts } from './checkout';

/** Checkouts one process drives at once, below its database pool (10), so each finishes promptly. */
const CHECKOUTS_AT_ONCE = 6;
import { PersistedTestCardProvider } from './payments';
import { buildOrdersSchema } from './schema';
import { createPopularCache, foldSalesRollup } from './reports';
import { closeOrderedCart } from './services/checkout.service';
import { sweepAbandonedCarts } from './services/cart-recovery.service';
import { sweepPendingFulfillments } from './fulfilment/fulfil';
import { customerMessagesConsumer } from './fulfilment/customer-messages';
import { storeAddressUpdatesConsumer } from './services/store-address-updates';
import { ordersSubgraph } from './subgraph';

/** What the orders subgraph is configured with, beyond what every subgraph is. */
export interface OrdersSettings {
  currencyCode: CurrencyCode;
  productsUrl: string;
  inventoryUrl: string;
  /** Where inventory's outbox lives (INVENTORY_DATABASE_URL); this subgraph's database unless set. */
  inventoryDatabaseUrl?: string;
  promotionsUrl: string;
  /** Where customers is: an offline sale to a customer merged since goes to the one they were merged into. */
  customersUrl?: string;
  /** True unless set: catalog prices include tax. */
  pricesIncludeTax?: boolean;
  /** The shop's country (ISO 3166-1 alpha-2), DE unless set. */
  shopCountryCode?: string;
  /** The IANA time zone reports draw day boundaries in (Europe/Berlin unless set). */
  shopTimeZone?: string;
  /** Minutes without change after which a shopper's cart counts as abandoned (60). */
  cartAbandonedAfterMinutes?: number;
  /** How often abandoned carts are reminded by mail; 0 (the default) leaves it to staff. */
  cartRecoverySweepMs?: number;
  /** How often abandoned checkouts are finished or compensated; 0 turns it off. 5 s unless set. */
  checkoutSweepMs?: number;
  /** How often new sales ledger rows are folded into the daily rollup reports read; 0 turns it off. 10 s unless set. */
  salesRollupFoldMs?: number;
  /** How long a checkout's process may go without word before the sweeper takes the checkout over. */
  checkoutLeaseMs?: number;
  /** Test-only fault injection (ORDERS_TEST_FAULTS, ignored in production): step names, or crash:<step>. */
  checkoutFaults?: ReadonlySet<string>;
  /** The storefront page that reopens a cart; the token is appended. */
  cartRecoveryUrl?: string;
  /** Days an order ready for pickup waits at the store before it is cancelled and refunded (7). */
  pickupHoldDays?: number;
  /** The shop's name on receipts. */
  shopName?: string;
  /** Days after fulfilment or pickup a customer may ask to return (30). */
  returnWindowDays?: number;
  /** How often the customer-messages consumer reads the outbox without a notification. */
  eventPollMs?: number;
  smtpUrl?: string | null;
  mailDirectory?: string;
  mailFrom?: string;
}

function readSettings(env: NodeJS.ProcessEnv): OrdersSettings {
  const config = loadConfig(
    {
      SHOP_CURRENCY: str({ default: 'EUR' }),
      PRODUCTS_URL: url({ default: 'http://127.0.0.1:4001/graphql' }),
      INVENTORY_URL: url({ default: 'http://127.0.0.1:4002/graphql' }),
      INVENTORY_DATABASE_URL: url({ default: undefined }),
      PROMOTIONS_URL: url({ default: 'http://127.0.0.1:4005/graphql' }),
      CUSTOMERS_URL: url({ default: 'http://127.0.0.1:4004/graphql' }),
      PRICES_INCLUDE_TAX: bool({ default: true }),
      SHOP_COUNTRY: str({ default: 'DE' }),
      SHOP_TIMEZONE: str({ default: 'Europe/Berlin' }),
      CART_ABANDONED_AFTER: positiveInt({ default: 60 }),
      CART_RECOVERY_SWEEP_MS: num({ default: 0 }),
      CHECKOUT_SWEEP_MS: num({ default: 5_000 }),
      CHECKOUT_LEASE_MS: positiveInt({ default: 30_000 }),
      SALES_ROLLUP_FOLD_MS: num({ default: 10_000 }),
      CART_RECOVERY_URL: url({ default: 'http://127.0.0.1:4000/cart/recover' }),
      PICKUP_HOLD_DAYS: positiveInt({ default: 7 }),
      SHOP_NAME: str({ default: 'Velocity Cycles' }),
      RETURN_WINDOW_DAYS: positiveInt({ default: 30 }),
      EVENT_POLL_MS: positiveInt({ default: 1_000 }),
      SMTP_URL: str({ default: undefined }),
      MAIL_DIRECTORY: str({ default: join(process.cwd(), '.data', 'mail') }),
      MAIL_FROM: str({ default: 'Velocity Cycles <shop@example.com>' }),
    },
    env,
  );
  if (!isCurrencyCode(config.SHOP_CURRENCY)) {
    throw new ConfigError(`Invalid configuration:\n  SHOP_CURRENCY: "${config.SHOP_CURRENCY}" is not a supported ISO 4217 code`);
  }
  if (!/^[A-Z]{2}$/.test(config.SHOP_COUNTRY)) {
    throw new ConfigError(`Invalid configuration:\n  SHOP_COUNTRY: "${config.SHOP_COUNTRY}" is not an ISO 3166-1 alpha-2 code`);
  }
  if (!isTimeZone(config.SHOP_TIMEZONE)) {
    throw new ConfigError(
      `Invalid configuration:\n  SHOP_TIMEZONE: "${config.SHOP_TIMEZONE}" is not an IANA time zone, e.g. Europe/Berlin`,
    );
  }
  return {
    currencyCode: config.SHOP_CURRENCY,
    productsUrl: config.PRODUCTS_URL,
    inventoryUrl: config.INVENTORY_URL,
    inventoryDatabaseUrl: config.INVENTORY_DATABASE_URL,
    promotionsUrl: config.PROMOTIONS_URL,
    customersUrl: config.CUSTOMERS_URL,
    pricesIncludeTax: config.PRICES_INCLUDE_TAX,
    shopCountryCode: config.SHOP_COUNTRY,
    shopTimeZone: config.SHOP_TIMEZONE,
    cartAbandonedAfterMinutes: config.CART_ABANDONED_AFTER,
    cartRecoverySweepMs: config.CART_RECOVERY_SWEEP_MS,
    checkoutSweepMs: config.CHECKOUT_SWEEP_MS,
    checkoutLeaseMs: config.CHECKOUT_LEASE_MS,
    salesRollupFoldMs: config.SALES_ROLLUP_FOLD_MS,
    checkoutFaults: parseFaults(env),
    cartRecoveryUrl: config.CART_RECOVERY_URL,
    pickupHoldDays: config.PICKUP_HOLD_DAYS,
    shopName: config.SHOP_NAME,
    returnWindowDays: config.RETURN_WINDOW_DAYS,
    eventPollMs: config.EVENT_POLL_MS,
    smtpUrl: config.SMTP_URL ?? null,
    mailDirectory: config.MAIL_DIRECTORY,
    mailFrom: config.MAIL_FROM,
  };
}

/** Whether `zone` is an IANA time zone this runtime knows (PostgreSQL knows the same names). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** The orders subgraph: carts, checkout, orders, payments, fulfilment, returns, POS and reports. */
export const orders = defineSubgraph({
  info: ordersSubgraph,
  schema: buildOrdersSchema,
  settings: readSettings,
  setup: async (kit, settings: OrdersSettings) => {
    const shared: OrdersShared = {
      currencyCode: settings.currencyCode,
      pricesIncludeTax: settings.pricesIncludeTax ?? true,
      shopCountryCode: settings.shopCountryCode ?? 'DE',
      shopTimeZone: settings.shopTimeZone ?? 'Europe/Berlin',
      shipToStoreDays: { min: 2, max: 4 },
      abandonedAfterMs: (settings.cartAbandonedAfterMinutes ?? 60) * 60_000,
      recoveryUrl: settings.cartRecoveryUrl ?? 'http://127.0.0.1:4000/cart/recover',
      recoverySecret: kit.jwtSecret,
      pickupHoldDays: settings.pickupHoldDays ?? 7,
      shopName: settings.shopName ?? 'Velocity Cycles',
      returnWindowDays: settings.returnWindowDays ?? 30,
      mailer: createMailer({
        smtpUrl: settings.smtpUrl,
        directory: settings.mailDirectory ?? join(process.cwd(), '.data', 'mail'),
        from: settings.mailFrom ?? 'Velocity Cycles <shop@example.com>',
        logger: kit.logger,
      }),
      products: kit.client('products', settings.productsUrl),
      inventory: kit.client('inventory', settings.inventoryUrl),
      promotions: kit.client('promotions', settings.promotionsUrl),
      customers: kit.client('customers', settings.customersUrl ?? 'http://127.0.0.1:4004/graphql'),
      checkout: {
        em: () => kit.orm.em.fork(),
        inventory: kit.client('inventory', settings.inventoryUrl),
        promotions: kit.client('promotions', settings.promotionsUrl),
        card: new PersistedTestCardProvider(() => kit.orm.em.fork()),
        logger: kit.logger,
        faults: settings.checkoutFaults ?? new Set(),
        leaseMs: settings.checkoutLeaseMs ?? 30_000,
        admission: new CheckoutAdmission(CHECKOUTS_AT_ONCE),
        holdSeconds: 900,
        onPlaced: (em, cartId) => closeOrderedCart(em, cartId),
      },
      popular: createPopularCache(),
    };
    kit.every('abandoned cart reminders', settings.cartRecoverySweepMs ?? 0, () => sweepAbandonedCarts(kit.orm, kit.logger, shared));
    kit.every('checkout recovery', settings.checkoutSweepMs ?? 5_000, () => sweepCheckouts(shared.checkout));
    kit.every('pending fulfilments', settings.checkoutSweepMs ?? 5_000, () => sweepPendingFulfillments(shared.checkout));
    kit.every('cancellation recovery', settings.checkoutSweepMs ?? 5_000, () => sweepCancellations(shared.checkout));
    kit.every('expired pickups', settings.checkoutSweepMs ?? 5_000, () => sweepExpiredPickups(shared.checkout));
    kit.every('refund recovery', settings.checkoutSweepMs ?? 5_000, () => sweepRefunds(shared.checkout));
    kit.every('return restocks', settings.checkoutSweepMs ?? 5_000, () => sweepRestocks(shared.checkout));
    kit.every('exchange recovery', settings.checkoutSweepMs ?? 5_000, () => sweepExchanges(shared.checkout));
    // Reports stay exact without it (they read the rows not folded yet); it keeps those few.
    kit.every('sales rollup', settings.salesRollupFoldMs ?? 10_000, () => foldSalesRollup(kit.orm, shared.shopTimeZone));
    // Tracking links, pickup codes and cancellations reach the customer from this subgraph's own outbox.
    await kit.start(customerMessagesConsumer({ orm: kit.orm, logger: kit.logger, mailer: shared.mailer, pollMs: settings.eventPollMs }));
    // A store chosen by open carts keeps its corrected address there, read from inventory's outbox.
    await kit.start(
      storeAddressUpdatesConsumer({
        orm: kit.orm,
        logger: kit.logger,
        inventoryDatabaseUrl: settings.inventoryDatabaseUrl,
        pollMs: settings.eventPollMs,
      }),
    );
    return (base) => createOrdersContext(base, shared);
  },
});

/** Builds the orders subgraph without listening; the caller binds it (index.ts or a test). */
export function createOrdersServer(config: SubgraphServerConfig & OrdersSettings): Promise<SubgraphServer> {
  return buildSubgraph(orders, config);
}
