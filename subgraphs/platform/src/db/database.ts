import { MikroORM, type EntityClass, type MigrationObject } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from '../runtime/logger';

export type Orm = MikroORM<PostgreSqlDriver>;

/** Far below the gateway's deadline: a request that cannot get a connection fails fast instead of queueing for a minute. */
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 2_000;
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

export interface DatabaseOptions {
  /** The PostgreSQL schema the subgraph owns; nothing else writes to it. */
  schema: string;
  clientUrl: string;
  entities: EntityClass<unknown>[];
  /** The subgraph's migrations, for the scripts that apply or write them; a running server opens it without. */
  migrations?: MigrationObject[];
  poolMax?: number;
  /** How long a request waits for a pooled connection before it fails (well under any request deadline). */
  acquireTimeoutMs?: number;
  /** The longest one SQL statement may run before PostgreSQL cancels it; 0: no limit (migrations, seeding). */
  statementTimeoutMs?: number;
  logger?: Logger;
  debug?: boolean;
  /** Where new migrations are written; only the migration generator needs it. */
  migrationsPath?: string;
}

/**
 * Opens the subgraph's MikroORM instance. Entities live in the subgraph's own schema, and so
 * does its migration table, so subgraphs can share one database or each have their own. The
 * migrator is not loaded here: `#platform/migrations` registers it where migrations run.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Orm> {
  return MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: options.clientUrl,
    schema: options.schema,
    entities: options.entities,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    validateRequired: true,
    pool: { min: 0, max: options.poolMax ?? 10, acquireTimeoutMillis: options.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS },
    driverOptions: {
      connection: {
        statement_timeout: options.statementTimeoutMs ?? 0,
        // A transaction left open by a crashed request cannot hold its locks for long.
        idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
      },
    },
    discovery: { warnWhenNoEntities: false },
    debug: options.debug ? ['query', 'query-params'] : false,
    logger: (message) => options.logger?.debug(message),
    migrations: {
      tableName: `${options.schema}.mikro_orm_migrations`,
      migrationsList: options.migrations ?? [],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      path: options.migrationsPath,
      pathTs: options.migrationsPath,
    },
  });
}
