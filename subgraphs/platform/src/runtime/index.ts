/** What any process of the system needs: logging, an HTTP service, health, signals, deadlines, periodic work, error masking. */
export { createLogger, type Logger } from './logger';
export { httpService, type HttpService } from './http-server';
export { healthRouter, type ReadinessCheck } from './health';
export { runService, type RunningService } from './run-service';
export { startPeriodicTask, type PeriodicTask } from './periodic-task';
export { Deadline, DeadlineExceededError } from './deadline';
export { badUserInput, ErrorCode, createErrorFormatter } from './errors';
export { seededRandom } from './seeded-random';
export { currentRequestId, requestIdMiddleware, runWithRequestId, REQUEST_ID_HEADER } from './request-id';
export { graphqlBody, jsonErrorHandler, jsonNotFound, DEFAULT_MAX_BODY_BYTES } from './http-errors';
export {
  costLimitPlugin,
  operationCost,
  queryLimitSettings,
  GATEWAY_QUERY_LIMITS,
  SUBGRAPH_QUERY_LIMITS,
  type CostedContext,
  type QueryLimits,
} from './query-limits';
export { Metrics } from './metrics';
