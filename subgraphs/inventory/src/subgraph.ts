import type { SubgraphInfo } from '#platform/server';
import { SCHEMA } from './constants';
import { entities } from './entities';

/** What the server and the scripts (seed, compose) need to know about this subgraph; the scripts add its migrations. */
export const inventorySubgraph = {
  name: SCHEMA,
  defaultPort: 4002,
  entities,
} satisfies SubgraphInfo;
