import type { SubgraphInfo } from '#platform/server';
import { SCHEMA } from './constants';
import { entities, orderEntities } from './entities';

/** What the server and the scripts (seed, compose) need to know about this subgraph; the scripts add its migrations. */
export const ordersSubgraph = {
  name: SCHEMA,
  defaultPort: 4003,
  entities: [...entities, ...orderEntities],
} satisfies SubgraphInfo;
