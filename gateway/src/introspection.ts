import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { execute, Kind, OperationTypeNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildSubscriptionSchema } from './live/subscription-schema';
import type { SupergraphSource } from './supergraph';

/**
 * One schema served: Apollo Gateway executes only queries and mutations, while the gateway serves
 * `Subscription` itself (over graphql-ws), including the pick list the supergraph lacks. An operation that asks nothing but introspection
 * (`__schema`, `__type`, `__typename`) is answered from the full client schema, so Sandbox and
 * code generators see `stockChanged` too. Where introspection is off (production), Apollo
 * refuses it before this plugin is asked.
 */
export function fullSchemaIntrospection(supergraph: SupergraphSource): ApolloServerPlugin {
  let cached: { sdl: string; schema: GraphQLSchema | null } | null = null;
  /** Null when the supergraph lacks what live stock needs (no inventory subgraph): Apollo's own introspection answers. */
  const currentSchema = (): GraphQLSchema | null => {
    const { sdl } = supergraph.current();
    if (cached?.sdl !== sdl) cached = { sdl, schema: subscriptionSchemaOf(sdl) };
    return cached.schema;
  };
  return {
    requestDidStart: () =>
      Promise.resolve({
        responseForOperation: async ({ document, operation, request }) => {
          const schema = document && isIntrospectionOnly(operation) ? currentSchema() : null;
          if (!schema || !document) return null;
          const result = await execute({
            schema,
            document,
            operationName: request.operationName,
            variableValues: request.variables,
          });
          const singleResult = { data: result.data, ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}) };
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
        },
      }),
  };
}

function subscriptionSchemaOf(sdl: string): GraphQLSchema | null {
  try {
    return buildSubscriptionSchema(sdl);
  } catch {
    return null;
  }
}

function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.length > 0 &&
    operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'))
  );
}
