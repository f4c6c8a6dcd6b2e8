/** PostgreSQL: the ORM per subgraph schema, transactions, idempotency, rate limits, raw SQL. */
export { openDatabase, DEFAULT_ACQUIRE_TIMEOUT_MS, type Orm, type DatabaseOptions } from './database';
export { ensureDatabase, dropDatabase, withAdminClient, withDatabase } from './admin';
export { startEmbeddedPostgres, DataDirUnreachableError, type EmbeddedPostgres } from './embedded-postgres';
export { entityLoader, entityListLoader, plainListLoader, isUuid } from './entity-loader';
export { runMutation, type MutationOutcome, type MutationOptions } from './run-mutation';
export { isUniqueViolation, plainRowMapper, selectPlain, sql } from './sql';
export { IdempotencyRecord } from './idempotency-record.entity';
export {
  idempotent,
  idempotencyKeyErrors,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  claimIdempotencyKeys,
  saveIdempotencyResults,
  requestHash,
  pruneIdempotencyRecords,
  IDEMPOTENCY_KEY_MISMATCH,
  type IdempotencyClaim,
} from './idempotency';
export { SharedRateLimiter, pruneRateLimitCounters, type RateLimit } from './rate-limit';
export { RateLimitCounter } from './rate-limit-counter.entity';
