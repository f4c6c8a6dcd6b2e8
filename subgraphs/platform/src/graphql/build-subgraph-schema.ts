import 'reflect-metadata';
import { buildSubgraphSchema as buildApolloSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, Kind, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray, type PubSub } from 'type-graphql';
import { roleAuthChecker } from '../auth/auth-checker';
import type { RequestContext } from '../server/request-context';
import { applyGlobalIds } from './global-ids';
import { DateTimeScalar } from './scalars';
import { describeUserErrorCodes, withUserErrorCodeEnum, type UserErrorCodeValues } from './user-error-code';

/** Fields' `@Extensions` (such as `globalIdType`) live in type-graphql's schema; SDL does not carry them over. */
function copyFieldExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const type of Object.values(to.getTypeMap())) {
    const source = from.getType(type.name);
    if (!isObjectType(type) || !isObjectType(source)) continue;
    const sourceFields = source.getFields();
    for (const field of Object.values(type.getFields())) {
      const extensions = sourceFields[field.name]?.extensions;
      if (extensions && Object.keys(extensions).length > 0) {
        (field as { extensions: Record<string, unknown> }).extensions = { ...field.extensions, ...extensions };
      }
    }
  }
}

/** type-graphql wants a PubSub before it builds any subscription; ours each bring their own `subscribe`, so topics are refused. */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('Subscriptions here read the outbox; nothing is published by topic');
  },
  subscribe: () => {
    throw new Error('Give a subscription its own `subscribe`; topics are not used');
  },
};

export const FEDERATION_VERSION = 'https://specs.apollo.dev/federation/v2.7';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@tag', '@override'];

/** A class type-graphql reads decorators from. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type for decorated classes
type DecoratedClass = Function;

/** How an entity this subgraph owns is found from a reference another subgraph holds. */
export interface EntityReference<C> {
  // Method syntax on purpose: each entity's resolver takes its own key shape.
  __resolveReference(reference: never, context: C): unknown;
}

export interface SubgraphSchemaOptions<C extends RequestContext> {
  resolvers: NonEmptyArray<DecoratedClass>;
  /** Types reached only through federation, so from no query of this subgraph. */
  orphanedTypes?: DecoratedClass[];
  /** `__resolveReference` per entity type name, for federation. */
  references?: Record<string, EntityReference<C>>;
  /** The codes this subgraph's `userErrors` answer with (`describeUserErrorCodes` in its errors.ts); the common ones if not given. */
  userErrorCodes?: UserErrorCodeValues;
}

/**
 * Builds a Federation 2 subgraph from type-graphql classes: type-graphql produces the schema,
 * its SDL (with the `@key`… directives from `@Directive`) is linked to the federation spec, and
 * @apollo/subgraph adds `_entities` and `_service` around type-graphql's resolvers; `UserError.code`
 * becomes the subgraph's `UserErrorCode` enum. `@Authorized`
 * is enforced by the platform's role checker in every subgraph.
 */
export async function buildSubgraphSchema<C extends RequestContext>(options: SubgraphSchemaOptions<C>): Promise<GraphQLSchema> {
  // type-graphql lists a field's arguments in the order their decorators ran (the last parameter
  // first) until one of its resolvers runs, which sorts that list by position in place. Sorted
  // here, every process prints the same SDL: the arguments in the order they are written.
  getMetadataStorage().params.sort((a, b) => a.index - b.index);
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker: roleAuthChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    skipCheck: true,
    pubSub: NO_TOPICS,
  });
  const imports = FEDERATION_IMPORTS.map((name) => `"${name}"`).join(', ');
  const typeDefs = describeRootTypes(
    withUserErrorCodeEnum(
      gql`
      extend schema @link(url: "${FEDERATION_VERSION}", import: [${imports}])
      ${printSchemaWithDirectives(schema)}
    `,
      options.userErrorCodes ?? describeUserErrorCodes({}, {}),
    ),
  );
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<unknown>[string];
  }
  const subgraphSchema = buildApolloSubgraphSchema({ typeDefs, resolvers });
  copyFieldExtensions(schema, subgraphSchema);
  applyGlobalIds(subgraphSchema);
  return subgraphSchema;
}

const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: 'Everything a client can read. Lists are Relay connections (`first`/`after`, at most 250 a page).',
  Mutation: 'Everything a client can change. Each mutation is one transaction and answers a payload with `userErrors`.',
  Subscription: 'Live updates over graphql-ws (`ws://…/graphql`, the same URL as HTTP).',
};

/** type-graphql cannot describe the root types; the client schema's reference starts there. */
function describeRootTypes(typeDefs: DocumentNode): DocumentNode {
  return visit(typeDefs, {
    ObjectTypeDefinition(node) {
      const description = ROOT_DESCRIPTIONS[node.name.value];
      if (!description || node.description) return undefined;
      return { ...node, description: { kind: Kind.STRING, value: description, block: false } };
    },
  });
}
