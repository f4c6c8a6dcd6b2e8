import type { SubgraphInfo } from '#platform/server';
import { SCHEMA } from './constants';
import { entities, orderEntities } from './entities';
import { migrations } from './migrations';

/** What the scripts (migrate, seed, compose) need to know about this subgraph. */
export const ordersSubgraph = {
  name: SCHEMA,
  defaultPort: 4003,
  entities: [...entities, ...orderEntities],
  migrations,
} satisfies SubgraphInfo;
