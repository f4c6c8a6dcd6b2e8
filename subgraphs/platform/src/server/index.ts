/** A subgraph process: its definition and lifecycle, its HTTP server, and the request context. */
export type { RequestContext } from './request-context';
export {
  defineSubgraph,
  buildSubgraph,
  runSubgraph,
  startSubgraph,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type SubgraphDefinition,
  type SubgraphInfo,
  type SubgraphServerConfig,
  type SetupKit,
  type Stoppable,
} from './define-subgraph';
export { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from './subgraph-server';
