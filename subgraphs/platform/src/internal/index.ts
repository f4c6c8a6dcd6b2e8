/** Calls between subgraphs: typed commands, one client with credentials and a deadline, entity look-ups. */
export { internalCommand, type InternalCommand, type VariablesOf, type ResultOf } from './internal-command';
export {
  InternalClient,
  InternalCallError,
  type InternalResult,
  type RemoteUserError,
  type CallerContext,
  type InternalClientOptions,
} from './internal-client';
export { fetchEntities, unknownEntityKeys, subgraphUnavailable } from './entity-lookup';
export {
  localCallChannel,
  localEndpoint,
  serveLocally,
  type LocalEndpoint,
  type LocalRequest,
  type LocalResponse,
} from './local-endpoints';
