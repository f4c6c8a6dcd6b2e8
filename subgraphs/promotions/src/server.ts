import type { SharedRateLimiter } from '#platform/db';
import { buildSubgraphServer, type SubgraphServer, type SubgraphServerConfig } from '#platform/server';
import { createPromotionsContext, type PromotionsSettings } from './context';
import { buildPromotionsSchema } from './schema';
import { customerEventsConsumer } from './services/customer-events.consumer';
import { createGiftCardLookupLimiter } from './services/gift-card-lookup-limit';
import { startRedemptionSweeper } from './services/redemption-sweeper';
import { promotionsSubgraph } from './subgraph';

export interface PromotionsServerConfig extends SubgraphServerConfig, PromotionsSettings {
  /** How often expired discount redemptions are given back; 0 turns the sweeper off. */
  redemptionSweepMs?: number;
  /** The database holding the customers subgraph's outbox, when it is not this one. */
  customersDatabaseUrl?: string;
  /** How often the customers outbox is read without a notification. */
  eventPollMs?: number;
}

/** Builds the promotions subgraph without listening; the caller binds it (index.ts or a test). */
export async function createPromotionsServer(config: PromotionsServerConfig): Promise<SubgraphServer> {
  const schema = await buildPromotionsSchema();
  // The lookup limit counts in the database, open only once the server is built (before it listens).
  let giftCardLookups: SharedRateLimiter | null = null;
  const server = await buildSubgraphServer(promotionsSubgraph, config, schema, (base) =>
    createPromotionsContext(
      base,
      { currencyCode: config.currencyCode, productsUrl: config.productsUrl, customersUrl: config.customersUrl },
      giftCardLookups as SharedRateLimiter,
    ),
  );
  giftCardLookups = createGiftCardLookupLimiter(server.orm);
  const sweeper = startRedemptionSweeper(server.orm, config.logger, config.redemptionSweepMs ?? 5_000);
  const customerEvents = customerEventsConsumer({
    orm: server.orm,
    logger: config.logger,
    customersDatabaseUrl: config.customersDatabaseUrl,
    pollMs: config.eventPollMs,
  });
  await customerEvents.start();
  return {
    ...server,
    close: async () => {
      await customerEvents.stop();
      await sweeper.stop();
      await server.close();
    },
  };
}
