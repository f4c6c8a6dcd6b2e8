import { buildSubgraphServer, type SharedRateLimiter, type SubgraphServer, type SubgraphServerConfig } from '../../platform/src';
import { createPromotionsContext, type PromotionsSettings } from './context';
import { buildPromotionsSchema } from './schema';
import { createGiftCardLookupLimiter } from './services/gift-card-lookup-limit';
import { startRedemptionSweeper } from './services/redemption-sweeper';
import { promotionsSubgraph } from './subgraph';

export interface PromotionsServerConfig extends SubgraphServerConfig, PromotionsSettings {
  /** How often expired discount redemptions are given back; 0 turns the sweeper off. */
  redemptionSweepMs?: number;
}

/** Builds the promotions subgraph without listening; the caller binds it (index.ts or a test). */
export async function createPromotionsServer(config: PromotionsServerConfig): Promise<SubgraphServer> {
  const schema = await buildPromotionsSchema();
  // The lookup limit counts in the database, open only once the server is built (before it listens).
  let giftCardLookups: SharedRateLimiter | null = null;
  const server = await buildSubgraphServer(promotionsSubgraph, config, schema, (base) =>
    createPromotionsContext(base, { currencyCode: config.currencyCode, productsUrl: config.productsUrl }, giftCardLookups as SharedRateLimiter),
  );
  giftCardLookups = createGiftCardLookupLimiter(server.orm);
  const sweeper = startRedemptionSweeper(server.orm, config.logger, config.redemptionSweepMs ?? 5_000);
  return {
    ...server,
    close: async () => {
      await sweeper.stop();
      await server.close();
    },
  };
}
