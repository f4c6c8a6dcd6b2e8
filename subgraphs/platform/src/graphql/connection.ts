import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from '../runtime/errors';

/** The most nodes one page may hold, as in Shopify's Admin API. */
export const MAX_PAGE_SIZE = 250;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType({ description: 'Relay page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether another page follows this one (ask with `after: endCursor`).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: 'Whether a page comes before this one (ask with `before: startCursor` where the list pages backward).',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last edge's cursor, to pass as `after` for the next page; null on an empty page.",
  })
  endCursor?: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Page size counting back from \`before\` (or from the end), at most ${MAX_PAGE_SIZE}; instead of \`first\`.`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'The `startCursor` of the page after the one wanted, to page backward with `last`.' })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type. Subclass the
 * result with `@ObjectType()` so the connection gets its own name in the schema.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`, { description: `A ${name} and its cursor.` })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: 'Where this edge is in the list: pass it as `after` (or `before`) to page from here. Opaque.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: 'The page, each node with its cursor.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The page, without cursors: the same nodes as `edges`.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more pages follow or precede, and the cursors to ask for them.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export interface PageRequest {
  /** Rows to fetch: one more than the page, to learn whether another page follows. */
  limit: number;
  first: number;
  /**
   * The decoded cursor rows are read from: `after` (the last row already seen), or `before` when
   * paging backward (the first row of the page after), in which case rows are read in reverse.
   */
  after: unknown[] | null;
  /** Paging backward (`last`/`before`): read in reverse order from `after`, then turned back. */
  backward: boolean;
}

/** The order a list's rows are read in: its own, reversed when paging backward. */
export function readOrder(page: PageRequest, direction: 'asc' | 'desc'): 'asc' | 'desc' {
  if (!page.backward) return direction;
  return direction === 'asc' ? 'desc' : 'asc';
}

/**
 * Validates `first` and decodes `after`, with clear errors for bad values. `last`/`before` page
 * backward where the list says it can (`options.backward`, its reads ordered by `readOrder`);
 * other lists refuse them.
 */
export function pageRequest(
  args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null },
  options: { backward?: boolean } = {},
): PageRequest {
  if (args.last != null || args.before != null) {
    if (!options.backward) throw badUserInput('This list pages forward only, with "first" and "after"', 'last');
    if (args.first != null || args.after != null)
      throw badUserInput('Page with "first" and "after", or with "last" and "before", not both', 'last');
    const last = args.last ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(last) || last < 0 || last > MAX_PAGE_SIZE) {
      throw badUserInput(`"last" must be between 0 and ${MAX_PAGE_SIZE}, got ${last}`, 'last');
    }
    return { first: last, limit: last + 1, after: args.before ? decodeCursor(args.before, 'before') : null, backward: true };
  }
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return { first, limit: first + 1, after: args.after ? decodeCursor(args.after) : null, backward: false };
}

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length > 0) return values;
  } catch {
    // fall through to the error below
  }
  throw badUserInput(`"${cursor}" is not a cursor returned by this API`, argument);
}

/**
 * Builds a connection from rows fetched with `limit` (= first + 1): the extra row only tells
 * that a next page exists. `cursorOf` returns the sort values a later `after` resumes from.
 */
export function toConnection<T>(rows: readonly T[], page: PageRequest, cursorOf: (row: T) => readonly unknown[]): ConnectionShape<T> {
  const read = rows.slice(0, page.first);
  // Paging backward reads from `before` in reverse; the page is shown in the list's own order.
  const nodes = page.backward ? read.reverse() : read;
  const edges = nodes.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  const more = rows.length > page.first;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: page.backward ? page.after !== null : more,
      hasPreviousPage: page.backward ? more : page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
