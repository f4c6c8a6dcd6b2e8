import type { SubgraphInfo } from '#platform/server';
import { SCHEMA } from './constants';
import { entities } from './entities';
import { migrations } from './migrations';

/** What the scripts (migrate, seed, compose) need to know about this subgraph. */
export const promotionsSubgraph = {
  name: SCHEMA,
  defaultPort: 4005,
  entities,
  migrations,
} satisfies SubgraphInfo;
