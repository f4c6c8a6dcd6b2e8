import { buildSubgraphServer, type SubgraphServer, type SubgraphServerConfig } from '../../platform/src';
import { createPromotionsContext } from './context';
import { buildPromotionsSchema } from './schema';
import { promotionsSubgraph } from './subgraph';

/** Builds the promotions subgraph without listening; the caller binds it (index.ts or a test). */
export async function createPromotionsServer(config: SubgraphServerConfig): Promise<SubgraphServer> {
  const schema = await buildPromotionsSchema({ enforceAuth: false });
  return buildSubgraphServer(promotionsSubgraph, config, schema, createPromotionsContext);
}
