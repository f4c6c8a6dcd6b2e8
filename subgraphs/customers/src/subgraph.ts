import type { SubgraphInfo } from '#platform/server';
import { SCHEMA } from './constants';
import { entities, orderFactEntities } from './entities';
import { migrations } from './migrations';

/** What the scripts (migrate, seed, compose) need to know about this subgraph. */
export const customersSubgraph = {
  name: SCHEMA,
  defaultPort: 4004,
  entities: [...entities, ...orderFactEntities],
  migrations,
} satisfies SubgraphInfo;
