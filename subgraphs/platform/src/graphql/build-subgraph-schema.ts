import 'reflect-metadata';
import { buildSubgraphSchema as buildApolloSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import { DateTimeScalar } from './scalars';

export const FEDERATION_VERSION = 'https://specs.apollo.dev/federation/v2.7';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@tag', '@override'];

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name, for federation. */
  references?: Record<string, { __resolveReference: (reference: never, context: never) => unknown }>;
  authChecker?: AuthChecker<never, never>;
}

/**
 * Builds a Federation 2 subgraph from type-graphql classes: type-graphql produces the schema,
 * its SDL (with the `@key`… directives from `@Directive`) is linked to the federation spec, and
 * @apollo/subgraph adds `_entities` and `_service` around type-graphql's resolvers.
 */
export async function buildSubgraphSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker: options.authChecker as AuthChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    skipCheck: true,
  });
  const imports = FEDERATION_IMPORTS.map((name) => `"${name}"`).join(', ');
  const typeDefs = gql`
    extend schema @link(url: "${FEDERATION_VERSION}", import: [${imports}])
    ${printSchemaWithDirectives(schema)}
  `;
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  return buildApolloSubgraphSchema({ typeDefs, resolvers });
}
