import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { MAX_PAGE_SIZE } from '#platform/graphql';
import { Node } from '../types/node';
import { badUserInput } from '#platform/runtime';
import { parseGlobalId } from '#platform/ids';
import type { ProductsContext } from '../context';
import { FOREIGN_NODE_TYPES } from '../types/node-references';
import { references } from './references';

const OWN_NODE_TYPES = { Product: references.Product, ProductVariant: references.ProductVariant, Category: references.Category } as const;

/**
 * Relay's `node(id:)` and `nodes(ids:)` for the whole graph: the global id names the type, the
 * catalog's own types load here, and any other type goes out as a reference that the gateway
 * completes from the subgraph owning it.
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when the id names nothing.' })
  node(@Ctx() ctx: ProductsContext, @Arg('id', () => ID, { description: 'A global id, as an `id` field answered it.' }) id: string) {
    return resolveNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by their global ids, in the same order; null where an id names nothing. At most ${MAX_PAGE_SIZE}.`,
  })
  nodes(@Ctx() ctx: ProductsContext, @Arg('ids', () => [ID], { description: 'Global ids, as `id` fields answered them.' }) ids: string[]) {
    if (ids.length > MAX_PAGE_SIZE) throw badUserInput(`"ids" may hold at most ${MAX_PAGE_SIZE} ids`, 'ids');
    return Promise.all(ids.map((id) => resolveNode(ctx, id)));
  }
}

async function resolveNode(ctx: ProductsContext, id: string): Promise<object | null> {
  // The argument arrives decoded (the platform strips `gid://commerce/<Type>/`); the raw text says the type.
  const parsed = parseGlobalId(id);
  if (!parsed) return null;
  if (parsed.type in OWN_NODE_TYPES) {
    const reference = OWN_NODE_TYPES[parsed.type as keyof typeof OWN_NODE_TYPES];
    // An entity of the catalog: Node's type resolver reads its class name.
    return (await reference.__resolveReference({ id: parsed.key }, ctx)) ?? null;
  }
  return FOREIGN_NODE_TYPES.has(parsed.type) ? { __typename: parsed.type, id: parsed.key } : null;
}
