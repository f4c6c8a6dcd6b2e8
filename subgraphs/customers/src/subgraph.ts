import type { SubgraphInfo } from '#platform/server';
import { SCHEMA } from './constants';
import { entities, orderFactEntities } from './entities';

/** What the server and the scripts (seed, compose) need to know about this subgraph; the scripts add its migrations. */
export const customersSubgraph = {
  name: SCHEMA,
  defaultPort: 4004,
  entities: [...entities, ...orderFactEntities],
} satisfies SubgraphInfo;
