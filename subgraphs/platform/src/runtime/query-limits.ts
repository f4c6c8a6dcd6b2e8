import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  GraphQLID,
  GraphQLString,
  isCompositeType,
  isInputObjectType,
  isListType,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { ErrorCode } from './errors';

/** What one GraphQL request may ask for; every limit is checked before any resolver or subgraph runs. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  /** The list-aware cost an operation may have (see `operationCost`). */
  maxCost: number;
  /** The most items any list argument (SKUs, count lines…) or page (`first`, `last`) may hold. */
  maxListSize: number;
  /** The page size assumed for a connection asked for without `first` or `last`. */
  defaultPageSize: number;
}

/** The gateway's limits: what any client, anonymous included, may send. */
export const GATEWAY_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 2_000,
  maxDirectives: 20,
  maxCost: 1_000,
  maxListSize: 250,
  defaultPageSize: 50,
};

/**
 * A subgraph's own limits, for whatever gateway sits in front of it: the same kind, looser,
 * since a query plan nests entity fetches (`_entities`) and batches the representations of a
 * whole page into one call.
 */
export const SUBGRAPH_QUERY_LIMITS: QueryLimits = {
  maxDepth: 20,
  maxAliases: 300,
  maxTokens: 20_000,
  maxDirectives: 200,
  maxCost: 10_000,
  maxListSize: 250,
  defaultPageSize: 50,
};

/**
 * Apollo Server settings that refuse oversized documents before planning: GraphQL Armor's
 * depth, alias and directive rules (validation), graphql-js's token limit (parsing), and, in
 * production, no field suggestions and no introspection.
 */
export function queryLimitSettings(limits: QueryLimits, production: boolean) {
  const armor = new ApolloArmor({
    // Each refusal is a validation error; the error formatter gives it its MAX_…_EXCEEDED code.
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Our own list-aware cost replaces Armor's; graphql-js counts tokens while parsing.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: armor.plugins,
    parseOptions: { maxTokens: limits.maxTokens },
    introspection: !production,
    allowBatchedHttpRequests: false,
  };
}

function badInput(message: string, where: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field: where, argumentName, http: { status: 400 } } });
}

/**
 * Refuses lists longer than the limit and strings with a NUL character (PostgreSQL rejects
 * those) anywhere in an argument. A list argument holds at most `maxListSize` items; a list
 * inside an input object (a mutation's lines) at most four times that, so the mutation's own
 * check answers with its userErrors up to there.
 */
function checkValue(value: unknown, limits: QueryLimits, where: string, argumentName: string, max: number): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw badInput(`"${argumentName}" of ${where} contains a NUL character`, where, argumentName);
  } else if (Array.isArray(value)) {
    if (value.length > max)
      throw badInput(`"${argumentName}" of ${where} holds ${value.length} items; at most ${max}`, where, argumentName);
    for (const item of value) checkValue(item, limits, where, argumentName, limits.maxListSize * 4);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) checkValue(item, limits, where, argumentName, limits.maxListSize * 4);
  }
}

/**
 * The cost of an operation, as storefront teams know it from Shopify: a scalar or enum costs
 * 0, an object 1 plus what is selected in it, and a list multiplies what is below it by how
 * many items it can return: a connection by its `first`/`last` (the default page size when
 * absent), `_entities` by its representations. The parts of a connection (`edges`, `node`,
 * `nodes`, `pageInfo`) cost nothing of their own. Arguments are checked on the way: no list
 * over the limit, no NUL characters.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): number {
  const estimator = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    const where = `${type.name}.${field.name}`;
    // A query plan batches a page's entity representations into one `_entities` call: its cost bounds it instead.
    const topLevelMax = field.name === '_entities' ? Number.MAX_SAFE_INTEGER : limits.maxListSize;
    for (const [name, value] of Object.entries(args)) checkValue(value, limits, where, name, topLevelMax);
    for (const pageArgument of ['first', 'last'] as const) {
      const size = args[pageArgument] as unknown;
      if (typeof size === 'number' && (size < 0 || size > limits.maxListSize)) {
        throw badInput(`"${pageArgument}" of ${where} must be between 0 and ${limits.maxListSize}`, where, pageArgument);
      }
    }
    if (!isCompositeType(getNamedType(field.type))) return 0;
    if (field.name === '_entities') return Array.isArray(args.representations) ? args.representations.length * (1 + childComplexity) : 1;
    const hasPaging = 'first' in args || 'last' in args || field.args.some((arg) => arg.name === 'first' || arg.name === 'last');
    if (hasPaging) {
      const size = (args.first ?? args.last ?? limits.defaultPageSize) as number;
      return 2 + size * childComplexity;
    }
    // A connection's own parts: `edges` and `pageInfo` cost nothing, its `nodes`/`node` 1 per item.
    if (type.name.endsWith('Connection') && field.name !== 'nodes') return childComplexity;
    return 1 + childComplexity;
  };
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [estimator],
    });
  } catch (error) {
    // Variables that do not fit the operation: the same answer execution would give.
    if (error instanceof GraphQLError && !error.extensions.code) {
      throw new GraphQLError(error.message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
    }
    throw error;
  }
}

/** Variables whose shape (below) is longer than this are costed afresh each time: keying on them would cost about what costing them does. */
const COSTED_SHAPE_CHARS = 2_000;
/** Costs kept per document: one per operation name and shape of variables seen, up to this many. */
const COSTS_PER_DOCUMENT = 100;

/**
 * A value as far as its cost and its argument checks can tell: a String or ID only as whether it
 * holds a NUL character, since no other string changes a cost or fails a check, and everything
 * else as it is: numbers and booleans (page sizes, `@skip(if:)`), enums and other scalars (they
 * may fail to parse), each list with its length, each input object with its fields. A field the
 * type does not have is kept whole, so it fails as it would have.
 */
function shapeOf(value: unknown, type: GraphQLInputType): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = nullable.ofType;
    return Array.isArray(value) ? value.map((one) => shapeOf(one, item)) : shapeOf(value, item);
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object' || Array.isArray(value)) return value;
    const fields = nullable.getFields();
    return Object.fromEntries(Object.entries(value).map(([name, one]) => [name, fields[name] ? shapeOf(one, fields[name].type) : one]));
  }
  if ((nullable === GraphQLString || nullable === GraphQLID) && typeof value === 'string') return value.includes('\u0000') ? '\u0000' : '';
  return value;
}

/** Each operation's variables and their types, read once per document and operation name. */
const variableTypes = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, Map<string, GraphQLInputType> | null>>>();

function variableTypesOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): Map<string, GraphQLInputType> | null {
  const byOperation = entryOf(
    entryOf(variableTypes, schema, () => new WeakMap<DocumentNode, Map<string, Map<string, GraphQLInputType> | null>>()),
    document,
    () => new Map<string, Map<string, GraphQLInputType> | null>(),
  );
  const name = operationName ?? '';
  let types = byOperation.get(name);
  if (types === undefined) {
    types = new Map();
    for (const definition of getOperationAST(document, operationName)?.variableDefinitions ?? []) {
      const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
      // A type the schema lacks: the operation fails as a whole, and nothing of it is kept.
      if (!type) {
        types = null;
        break;
      }
      types.set(definition.variable.name.value, type);
    }
    byOperation.set(name, types);
  }
  return types;
}

/**
 * What of a request's variables its cost and its argument checks depend on, as a key (see
 * `shapeOf`); null when it cannot be told, and the request is costed afresh. Requests of one
 * operation whose variables have the same shape cost the same and pass or fail the checks
 * alike: an id, a SKU, a key or an email never changes a cost.
 */
export function variablesShape(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): string | null {
  if (!variables || Object.keys(variables).length === 0) return '';
  const types = variableTypesOf(schema, document, operationName);
  if (!types) return null;
  const shaped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    const type = types.get(name);
    shaped[name] = type ? shapeOf(value, type) : value;
  }
  return JSON.stringify(shaped);
}

/**
 * Costs already computed, per limits, schema and parsed document. Apollo Server keeps one parsed
 * document per query text, so a document asked again arrives as the same object, and its cost
 * depends only on the limits, the schema, the operation name and the shape of the variables: a
 * repeat (every storefront page, every internal command, whatever ids it carries) is a lookup
 * instead of a walk of the whole document. A request that was refused (a list too long, a NUL
 * character, a bad variable) throws before anything is kept, so one of the same shape is refused too.
 */
const knownCosts = new WeakMap<QueryLimits, WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>>();

function entryOf<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** `operationCost`, remembered for a document asked again with the same operation name and shape of variables. */
export function rememberedOperationCost(...request: Parameters<typeof operationCost>): number {
  const [schema, document, operationName, variables, limits] = request;
  const shape = variablesShape(schema, document, operationName, variables);
  if (shape === null || shape.length > COSTED_SHAPE_CHARS) return operationCost(...request);
  const bySchema = entryOf(knownCosts, limits, () => new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>());
  const byRequest = entryOf(
    entryOf(bySchema, schema, () => new WeakMap<DocumentNode, Map<string, number>>()),
    document,
    () => new Map<string, number>(),
  );
  const key = `${operationName ?? ''}\u0000${shape}`;
  let cost = byRequest.get(key);
  if (cost === undefined) {
    cost = operationCost(...request);
    if (byRequest.size < COSTS_PER_DOCUMENT) byRequest.set(key, cost);
  }
  return cost;
}

/** What the cost plugin leaves on the context for later hooks (throttling, extensions.cost). */
export interface CostedContext {
  requestedQueryCost?: number;
}

/**
 * Computes each operation's cost once its document is known and before anything executes (no
 * resolver runs, no subgraph is called), refuses one above the limit with MAX_COST_EXCEEDED, and
 * hands the cost to `onCost` (the gateway's throttle), which may refuse the request too.
 */
export function costLimitPlugin<C extends BaseContext>(
  limits: QueryLimits,
  onCost?: (cost: number, request: GraphQLRequestContext<C>) => Promise<void> | void,
): ApolloServerPlugin<C> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async (request) => {
        if (!request.document) return;
        const cost = rememberedOperationCost(request.schema, request.document, request.operationName, request.request.variables, limits);
        (request.contextValue as CostedContext).requestedQueryCost = cost;
        if (cost > limits.maxCost) {
          throw new GraphQLError(
            `The query costs ${cost}, more than the ${limits.maxCost} allowed; ask for smaller pages or fewer fields`,
            {
              extensions: {
                code: ErrorCode.MAX_COST_EXCEEDED,
                cost: { requestedQueryCost: cost, maximumCost: limits.maxCost },
                http: { status: 400 },
              },
            },
          );
        }
        await onCost?.(cost, request);
      },
    }),
  };
}
