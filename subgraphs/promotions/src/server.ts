import { str, url } from 'envalid';
import { ConfigError, loadConfig, positiveInt } from '#platform/config';
import { isCurrencyCode, type CurrencyCode } from '#platform/graphql';
import { buildSubgraph, defineSubgraph, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { createPromotionsContext, type PromotionsShared } from './context';
import { buildPromotionsSchema } from './schema';
import { customerEventsConsumer } from './services/customer-events.consumer';
import { orderEventsConsumer } from './services/order-events.consumer';
import { createGiftCardLookupLimiter } from './services/gift-card-lookup-limit.service';
import { sweepExpiredRedemptions } from './services/redemption-sweeper.service';
import { promotionsSubgraph } from './subgraph';

/** What the promotions subgraph is configured with, beyond what every subgraph is. */
export interface PromotionsSettings {
  currencyCode: CurrencyCode;
  /** The products subgraph's GraphQL endpoint. */
  productsUrl: string;
  /** The customers subgraph's GraphQL endpoint. */
  customersUrl: string;
  /** How often expired discount redemptions are given back; 0 turns the sweeper off. 5 s unless set. */
  redemptionSweepMs?: number;
  /** The database holding the customers subgraph's outbox, when it is not this one. */
  customersDatabaseUrl?: string;
  /** The database holding the orders subgraph's outbox (paid orders earn points), when it is not this one. */
  ordersDatabaseUrl?: string;
  /** How often the customers outbox is read without a notification. */
  eventPollMs?: number;
}

const DEFAULT_REDEMPTION_SWEEP_MS = 5_000;

function readSettings(env: NodeJS.ProcessEnv): PromotionsSettings {
  const config = loadConfig(
    {
      SHOP_CURRENCY: str({ default: 'EUR' }),
      PRODUCTS_URL: url({ default: 'http://127.0.0.1:4001/graphql' }),
      CUSTOMERS_URL: url({ default: 'http://127.0.0.1:4004/graphql' }),
      REDEMPTION_SWEEP_MS: positiveInt({ default: DEFAULT_REDEMPTION_SWEEP_MS }),
      CUSTOMERS_DATABASE_URL: url({ default: undefined }),
      ORDERS_DATABASE_URL: url({ default: undefined }),
      EVENT_POLL_MS: positiveInt({ default: 1_000 }),
    },
    env,
  );
  if (!isCurrencyCode(config.SHOP_CURRENCY)) {
    throw new ConfigError(`Invalid configuration:\n  SHOP_CURRENCY: "${config.SHOP_CURRENCY}" is not a supported ISO 4217 code`);
  }
  return {
    currencyCode: config.SHOP_CURRENCY,
    productsUrl: config.PRODUCTS_URL,
    customersUrl: config.CUSTOMERS_URL,
    redemptionSweepMs: config.REDEMPTION_SWEEP_MS,
    customersDatabaseUrl: config.CUSTOMERS_DATABASE_URL,
    ordersDatabaseUrl: config.ORDERS_DATABASE_URL,
    eventPollMs: config.EVENT_POLL_MS,
  };
}

/**
 * The promotions subgraph: discounts and codes, loyalty points, gift cards and store credit. It
 * calls products and customers (to check what a discount names) through one client each, sweeps
 * expired discount holds, and follows the customers subgraph's merges and erasures.
 */
export const promotions = defineSubgraph({
  info: promotionsSubgraph,
  schema: buildPromotionsSchema,
  settings: readSettings,
  setup: async (kit, settings: PromotionsSettings) => {
    const shared: PromotionsShared = {
      currencyCode: settings.currencyCode,
      products: kit.client('products', settings.productsUrl),
      customers: kit.client('customers', settings.customersUrl),
      giftCardLookups: createGiftCardLookupLimiter(kit.orm),
    };
    kit.every('expired discount redemption release', settings.redemptionSweepMs ?? DEFAULT_REDEMPTION_SWEEP_MS, () =>
      sweepExpiredRedemptions(kit.orm),
    );
    await kit.start(
      customerEventsConsumer({
        orm: kit.orm,
        logger: kit.logger,
        customersDatabaseUrl: settings.customersDatabaseUrl,
        pollMs: settings.eventPollMs,
      }),
    );
    await kit.start(
      orderEventsConsumer({
        orm: kit.orm,
        logger: kit.logger,
        currencyCode: settings.currencyCode,
        ordersDatabaseUrl: settings.ordersDatabaseUrl,
        pollMs: settings.eventPollMs,
      }),
    );
    return (base) => createPromotionsContext(base, shared);
  },
});

/** Builds the promotions subgraph without listening; the caller binds it (index.ts or a test). */
export function createPromotionsServer(config: SubgraphServerConfig & PromotionsSettings): Promise<SubgraphServer> {
  return buildSubgraph(promotions, config);
}
