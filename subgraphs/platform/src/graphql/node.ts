import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Node: an object with a global id (`gid://commerce/<Type>/<key>`) that `node(id:)`
 * and `nodes(ids:)` fetch again, whichever subgraph owns it. Each subgraph makes its own
 * (type-graphql puts every class implementing an interface into the schema, so one shared
 * class would pull other subgraphs' types in) and marks its types with
 * `@ObjectType({ implements: Node })`.
 */
export function createNodeInterface() {
  @InterfaceType('Node', {
    description: 'An object with a global id, which `node(id:)` fetches again.',
    resolveType: (value: { __typename?: string; constructor?: { name: string } }) => value.__typename ?? value.constructor?.name,
  })
  abstract class Node {
    @Field(() => ID, { description: 'Global id, `gid://commerce/<Type>/<key>`: stable, opaque, and the key a client cache uses.' })
    id!: string;
  }
  return Node;
}
