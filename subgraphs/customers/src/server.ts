import { join } from 'node:path';
import { str, url } from 'envalid';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { ConfigError, loadConfig, positiveInt } from '#platform/config';
import { SharedRateLimiter } from '#platform/db';
import { createMailer } from '#platform/mail';
import { isCurrencyCode, type CurrencyCode } from '#platform/graphql';
import { buildSubgraph, defineSubgraph, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { DEFAULT_SIGN_IN_LIMITS, SignInLimiter, type SignInLimits } from './auth/sign-in-limiter';
import { SCHEMA } from './constants';
import { createCustomersContext, type CustomersSettings } from './context';
import { buildCustomersSchema } from './schema';
import { cartEventsConsumer } from './services/cart-events.consumer';
import { orderEventsConsumer } from './services/order-events.consumer';
import { customersSubgraph } from './subgraph';

/** What the customers subgraph is configured with beyond every subgraph's settings. */
export interface CustomersConfig {
  /** The inventory subgraph's GraphQL endpoint, asked whether a location exists. */
  inventoryUrl: string;
  /** Region national phone numbers are read in; "DE" unless set. */
  defaultPhoneRegion?: CountryCode;
  /** The shop's currency; "EUR" unless set. */
  currencyCode?: CurrencyCode;
  signInLimits?: SignInLimits;
  /**
   * The platform's own token secret (SubgraphServerConfig.jwtSecret), which `setup` receives
   * with the rest of the config: this subgraph signs the tokens it issues with it.
   */
  jwtSecret?: Uint8Array | null;
  /** The database holding the orders subgraph's outbox, when it is not this one. */
  ordersDatabaseUrl?: string;
  /** How often the orders outbox is read without a notification. */
  eventPollMs?: number;
  /** Public sign-ups allowed per client address an hour (20 unless set). */
  signUpsPerAddress?: number;
  smtpUrl?: string | null;
  /** Where mail is written without SMTP; `.data/mail` unless set. */
  mailDirectory?: string;
  mailFrom?: string;
}

export type CustomersServerConfig = SubgraphServerConfig & CustomersConfig;

/** INVENTORY_URL, DEFAULT_PHONE_REGION, ORDERS_DATABASE_URL, EVENT_POLL_MS, SIGN_UPS_PER_ADDRESS and mail, validated. */
function customersConfig(env: NodeJS.ProcessEnv): CustomersConfig {
  const values = loadConfig(
    {
      INVENTORY_URL: url({ default: 'http://127.0.0.1:4002/graphql' }),
      DEFAULT_PHONE_REGION: str({ default: 'DE' }),
      SHOP_CURRENCY: str({ default: 'EUR' }),
      ORDERS_DATABASE_URL: url({ default: undefined }),
      EVENT_POLL_MS: positiveInt({ default: 1_000 }),
      SIGN_UPS_PER_ADDRESS: positiveInt({ default: 20 }),
      SMTP_URL: str({ default: undefined }),
      MAIL_DIRECTORY: str({ default: join(process.cwd(), '.data', 'mail') }),
      MAIL_FROM: str({ default: 'Velocity Cycles <shop@example.com>' }),
    },
    env,
  );
  const region = values.DEFAULT_PHONE_REGION.toUpperCase();
  if (!isSupportedCountry(region)) {
    throw new ConfigError(`Invalid configuration:\n  DEFAULT_PHONE_REGION: "${region}" is not a supported region code`);
  }
  if (!isCurrencyCode(values.SHOP_CURRENCY)) {
    throw new ConfigError(`Invalid configuration:\n  SHOP_CURRENCY: "${values.SHOP_CURRENCY}" is not a supported ISO 4217 code`);
  }
  return {
    inventoryUrl: values.INVENTORY_URL,
    defaultPhoneRegion: region,
    currencyCode: values.SHOP_CURRENCY,
    ordersDatabaseUrl: values.ORDERS_DATABASE_URL,
    eventPollMs: values.EVENT_POLL_MS,
    signUpsPerAddress: values.SIGN_UPS_PER_ADDRESS,
    smtpUrl: values.SMTP_URL ?? null,
    mailDirectory: values.MAIL_DIRECTORY,
    mailFrom: values.MAIL_FROM,
  };
}

/** The customers subgraph: customers, identities, timeline, segments and privacy; sign-in, staff and kiosk tokens. */
export const customers = defineSubgraph({
  info: customersSubgraph,
  schema: buildCustomersSchema,
  settings: customersConfig,
  setup: async (kit, config: CustomersConfig) => {
    // Sign-in attempts are counted in the database, so every replica enforces the same limits.
    const limits = config.signInLimits ?? DEFAULT_SIGN_IN_LIMITS;
    const settings: CustomersSettings = {
      jwtSecret: config.jwtSecret ?? null,
      defaultPhoneRegion: config.defaultPhoneRegion ?? 'DE',
      currencyCode: config.currencyCode ?? 'EUR',
      inventory: kit.client('inventory', config.inventoryUrl),
      customerSignIns: new SignInLimiter(kit.orm, 'customer', limits),
      staffSignIns: new SignInLimiter(kit.orm, 'staff', limits),
      signUps: new SharedRateLimiter(kit.orm, SCHEMA, { name: 'sign-up', points: config.signUpsPerAddress ?? 20, windowSeconds: 3_600 }),
      signUpNotices: new SharedRateLimiter(kit.orm, SCHEMA, { name: 'sign-up-notice', points: 1, windowSeconds: 3_600 }),
      mailer: createMailer({
        smtpUrl: config.smtpUrl,
        directory: config.mailDirectory ?? join(process.cwd(), '.data', 'mail'),
        from: config.mailFrom ?? 'Velocity Cycles <shop@example.com>',
        logger: kit.logger,
      }),
    };
    // Abandoned carts reach the customer's timeline from the orders outbox.
    await kit.start(
      cartEventsConsumer({ orm: kit.orm, logger: kit.logger, ordersDatabaseUrl: config.ordersDatabaseUrl, pollMs: config.eventPollMs }),
    );
    // Placed orders reach the timeline and the customer's order figures.
    await kit.start(
      orderEventsConsumer({ orm: kit.orm, logger: kit.logger, ordersDatabaseUrl: config.ordersDatabaseUrl, pollMs: config.eventPollMs }),
    );
    return (base) => createCustomersContext(base, settings);
  },
});

/** Builds the customers subgraph without listening; the caller binds it (index.ts or a test). */
export function createCustomersServer(config: CustomersServerConfig): Promise<SubgraphServer> {
  return buildSubgraph(customers, config);
}
