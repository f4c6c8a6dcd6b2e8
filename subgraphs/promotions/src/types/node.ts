import { createNodeInterface } from '#platform/graphql';

/** Relay's Node interface in this subgraph's schema: what `node(id:)` can return. */
export const Node = createNodeInterface();
