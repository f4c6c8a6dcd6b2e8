import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, printSchema, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { SUBSCRIPTION_SDL } from './subscription-sdl';

/** The client-facing schema of a supergraph: what queries and mutations may name. */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}

/**
 * The schema graphql-ws executes: the supergraph's API schema (whose Subscription holds the
 * inventory subgraph's `stockChanged` and `lowStockAlert`) plus the pick list only we serve.
 * Query and Mutation are listed so subscriptions can select any supergraph type under
 * `variant`; they are never executed here (operations other than subscriptions go to Apollo Gateway).
 */
export function buildSubscriptionSchema(supergraphSdl: string): GraphQLSchema {
  return buildSchema(`${apiSchemaSdl(supergraphSdl)}\n${SUBSCRIPTION_SDL}`);
}

/** Marks objects that came back from hydration: their keys are response keys (aliases). */
export const HYDRATED = Symbol('hydrated');

export function markHydrated<T>(value: T): T {
  if (Array.isArray(value)) value.forEach(markHydrated);
  else if (value && typeof value === 'object') {
    Object.defineProperty(value, HYDRATED, { value: true });
    Object.values(value).forEach(markHydrated);
  }
  return value;
}

/** Hydrated data is keyed by alias; our own objects by field name. */
export const liveFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (!source || typeof source !== 'object') return undefined;
  const record = source as Record<string | symbol, unknown>;
  const value = record[HYDRATED] ? record[info.path.key] : record[info.fieldName];
  // As graphql-js's default resolver does: a function-valued property is called as (args, context, info).
  return typeof value === 'function' ? (value as (a: unknown, c: unknown, i: GraphQLResolveInfo) => unknown)(args, context, info) : value;
};
