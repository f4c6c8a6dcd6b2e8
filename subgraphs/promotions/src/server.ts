import { buildSubgraphServer, type SubgraphServer, type SubgraphServerConfig } from '../../platform/src';
import { createPromotionsContext, type PromotionsSettings } from './context';
import { buildPromotionsSchema } from './schema';
import { createGiftCardLookupLimiter } from './services/gift-card-lookup-limit';
import { promotionsSubgraph } from './subgraph';

/** Builds the promotions subgraph without listening; the caller binds it (index.ts or a test). */
export async function createPromotionsServer(config: SubgraphServerConfig & PromotionsSettings): Promise<SubgraphServer> {
  const schema = await buildPromotionsSchema();
  const giftCardLookups = createGiftCardLookupLimiter();
  const server = await buildSubgraphServer(promotionsSubgraph, config, schema, (base) =>
    createPromotionsContext(base, { currencyCode: config.currencyCode, productsUrl: config.productsUrl }, giftCardLookups),
  );
  return server;
}
