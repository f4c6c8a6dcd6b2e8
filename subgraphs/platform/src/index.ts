/** The kit every subgraph builds on. Nothing here knows about any one subgraph's domain. */
export { ConfigError, loadConfig, positiveInt } from './config/config';
export { loadSubgraphConfig, LOG_LEVELS, type SubgraphConfig } from './config/common';
export { createLogger, type Logger } from './logging/logger';
export { openDatabase, migrate, type Orm, type DatabaseOptions } from './db/database';
export { ensureDatabase, dropDatabase, withAdminClient, withDatabase } from './db/admin';
export { startEmbeddedPostgres, DataDirUnreachableError, type EmbeddedPostgres } from './db/embedded-postgres';
export { Role, STAFF_ROLES, MANAGER_ROLES, ANONYMOUS_VIEWER, type Viewer } from './auth/viewer';
export { roleAuthChecker, forbidden, unauthenticated } from './auth/auth-checker';
export { isStaff, canAccessCustomer, requireCustomerAccess, requireLocationAccess } from './auth/access';
export { ServiceCredentials } from './auth/service-credentials';
export { AUTH_SPECS, authConfig, type AuthConfig } from './config/auth';
export type { RequestContext } from './context/request-context';
export { buildSubgraphSchema, FEDERATION_VERSION } from './graphql/build-subgraph-schema';
export {
  Connection,
  ConnectionArgs,
  PageInfo,
  pageRequest,
  toConnection,
  encodeCursor,
  decodeCursor,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  type PageRequest,
  type ConnectionShape,
} from './graphql/connection';
export { keysetAfter, rowsAfter, type KeyKind, type Keyset } from './graphql/keyset';
export { CurrencyCode, CURRENCY_EXPONENTS, isCurrencyCode } from './graphql/currency';
export { Money, MoneyInput, MoneyFormatError, parseMinorUnits, formatMinorUnits } from './graphql/money';
export { DateTimeScalar, DecimalScalar } from './graphql/scalars';
export { SalesChannel } from './graphql/sales-channel';
export { UserError, UserErrorCode, UserErrorsException } from './graphql/user-error';
export { validateInput } from './graphql/validate-input';
export { badUserInput, ErrorCode, createErrorFormatter } from './graphql/errors';
export { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from './server/subgraph-server';
export { httpService, type HttpService } from './server/http-server';
export { healthRouter } from './server/health';
export { NotBlank } from './graphql/validators';
export { runMutation, type MutationOutcome } from './db/run-mutation';
export { MutationPayload, toPayload } from './graphql/payload';
export { runService, type RunningService } from './server/run-service';
export { buildSubgraphServer, runSubgraphProcess, type SubgraphInfo, type SubgraphServerConfig } from './server/subgraph-process';
export { entityLoader, entityListLoader, isUuid } from './db/entity-loader';
export { Address, AddressInput, Coordinates, addressFields } from './graphql/address';
export { selectPlain, sql } from './db/sql';
export { OutboxEvent } from './events/outbox-event.entity';
export { publishEvents, EVENTS_CHANNEL, type EventInput } from './events/outbox';
export { IdempotencyRecord } from './db/idempotency-record.entity';
export { idempotent, requestHash, pruneIdempotencyRecords, IDEMPOTENCY_KEY_REUSED } from './db/idempotency';
export { startPeriodicTask, type PeriodicTask } from './server/periodic-task';
export { SharedRateLimiter, pruneRateLimitCounters, type RateLimit } from './db/rate-limit';
export { RateLimitCounter } from './db/rate-limit-counter.entity';
export type { BusEvent, BusHandler, EventBus } from './events/event-bus';
export { OutboxReader, type BatchPosition } from './events/outbox-reader';
export { EventConsumer, type EventConsumerOptions, type EventBatchHandler } from './events/event-consumer';
export { EventConsumerPosition } from './events/event-consumer-position.entity';
export { PostgresEventBus } from './events/postgres-event-bus';
export { RedisEventBus } from './events/redis-event-bus';
export { TokenVerifier, signToken, InvalidTokenError, type ExternalTokenSettings, type TokenVerifierOptions } from './auth/token';
export { fetchEntities, unknownEntityKeys, type EntityLookupOptions } from './federation/entity-lookup';
export { GATEWAY_SECRET_HEADER, requireGatewaySecret, secretMatches } from './auth/gateway-secret';
export { moneyInputToMinor } from './graphql/money-input';
