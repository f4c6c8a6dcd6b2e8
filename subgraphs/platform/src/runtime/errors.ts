import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';
import { currentRequestId } from './request-id';

/** Stable `extensions.code` values for errors that are not a mutation's expected failures. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The request ran out of time (its deadline, a statement timeout, or no free connection); nothing was changed. */
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  /** The document is deeper, has more aliases, tokens or directives, or costs more than allowed; nothing ran. */
  MAX_DEPTH_EXCEEDED: 'MAX_DEPTH_EXCEEDED',
  MAX_ALIASES_EXCEEDED: 'MAX_ALIASES_EXCEEDED',
  MAX_TOKENS_EXCEEDED: 'MAX_TOKENS_EXCEEDED',
  MAX_DIRECTIVES_EXCEEDED: 'MAX_DIRECTIVES_EXCEEDED',
  MAX_COST_EXCEEDED: 'MAX_COST_EXCEEDED',
  /** The caller's cost budget is spent for now (HTTP 429, Retry-After). */
  THROTTLED: 'THROTTLED',
  /** An automatic persisted query whose `sha256Hash` is not the SHA-256 of the query sent with it; nothing was stored or run (HTTP 400). */
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
} as const;

/** Extensions a client may see on a passed-through error; anything else (a subgraph's URL and response body…) stays in the logs. */
const CLIENT_SAFE_EXTENSIONS = new Set(['code', 'argumentName', 'field', 'retryAfterSeconds', 'cost', 'serviceName', 'requestId']);

/** graphql-js's parser stops at the token limit ("more that", sic, in graphql 16). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;
/** GraphQL Armor's validation rules; Apollo reports every validation error as GRAPHQL_VALIDATION_FAILED, so they are told apart here. */
const ARMOR_LIMITS: [RegExp, string, string][] = [
  [/^Syntax Error: Query depth limit of (\d+) exceeded, found (\d+)/, 'MAX_DEPTH_EXCEEDED', 'The query is nested $2 deep; at most $1'],
  [/^Syntax Error: Aliases limit of (\d+) exceeded, found (\d+)/, 'MAX_ALIASES_EXCEEDED', 'The query has $2 aliases; at most $1'],
  [/^Syntax Error: Directives limit of (\d+) exceeded, found (\d+)/, 'MAX_DIRECTIVES_EXCEEDED', 'The query has $2 directives; at most $1'],
];

/** Apollo Server's refusals of an automatic persisted query, which carry no code of their own (messages as in @apollo/server 5). */
const PERSISTED_QUERY_REFUSALS: [string, string, string][] = [
  [
    'provided sha does not match query',
    ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
    "The persisted query's sha256Hash is not the SHA-256 of its query",
  ],
  ['Unsupported persisted query version', 'BAD_REQUEST', 'Only version 1 of persisted queries is supported'],
];

/**
 * Failures that mean "not in time", whichever layer noticed: the request's own deadline,
 * PostgreSQL cancelling a statement (57014), or no pooled connection free in time.
 */
function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'DeadlineExceededError' || error.name === 'KnexTimeoutError') return true;
  // MikroORM wraps driver errors in its own DriverException, copying the original's fields.
  if (error.message.startsWith('Knex: Timeout acquiring a connection')) return true;
  return (error as { code?: string }).code === '57014';
}

export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) },
  });
}

/** Codes an error may carry to the client as is; anything else is masked. */
const CLIENT_SAFE_CODES = new Set<string>([
  // Never INTERNAL_SERVER_ERROR: Apollo gives that code to any uncaught error, SQL text and all.
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway could not reach a subgraph: the rest of the response still stands.
  'SUBGRAPH_UNAVAILABLE',
  // Too many attempts from one caller, e.g. gift card balance lookups.
  'RATE_LIMITED',
]);

/**
 * Lets coded errors through and turns every other failure into a plain INTERNAL_SERVER_ERROR,
 * logged with its stack here and never shown to the client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isTimeout(original)) {
      logger.warn({ err: original, path: formatted.path }, 'request ran out of time');
      return {
        message: 'The request did not finish in time; nothing was changed, try again',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.DEADLINE_EXCEEDED, requestId: currentRequestId() },
      };
    }
    const tokens = TOO_MANY_TOKENS.exec(formatted.message);
    if (tokens) {
      return { message: `The document has more than ${tokens[1]} tokens`, extensions: { code: ErrorCode.MAX_TOKENS_EXCEEDED } };
    }
    for (const [pattern, limitCode, message] of ARMOR_LIMITS) {
      const match = pattern.exec(formatted.message);
      if (match) return { message: message.replace('$1', match[1]).replace('$2', match[2]), extensions: { code: limitCode } };
    }
    const refusal = PERSISTED_QUERY_REFUSALS.find(([apolloMessage]) => formatted.message === apolloMessage);
    if (refusal) return { message: refusal[2], extensions: { code: refusal[1] } };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_SAFE_CODES.has(code)) {
      const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => CLIENT_SAFE_EXTENSIONS.has(key)));
      return { ...formatted, extensions };
    }
    // type-graphql raises this for @Authorized; it carries no Apollo code of its own.
    if (original instanceof Error && original.name === 'AuthorizationError') {
      return { ...formatted, message: original.message, extensions: { code: ErrorCode.FORBIDDEN } };
    }
    if (original instanceof Error && original.name === 'AuthenticationError') {
      return { ...formatted, message: original.message, extensions: { code: ErrorCode.UNAUTHENTICATED } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Internal error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: currentRequestId() },
    };
  };
}
