import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badUserInput } from '../runtime/errors';

/** The most nodes one page may hold, as in Shopify's Admin API. */
export const MAX_PAGE_SIZE = 250;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType({ description: 'Relay page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor?: string | null;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
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
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export interface PageRequest {
  /** Rows to fetch: one more than the page, to learn whether another page follows. */
  limit: number;
  first: number;
  /** The decoded `after` cursor: the sort values of the last row already seen. */
  after: unknown[] | null;
}

/** Validates `first` and decodes `after`, with clear errors for bad values. */
export function pageRequest(args: { first?: number | null; after?: string | null }): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, 'first');
  }
  return { first, limit: first + 1, after: args.after ? decodeCursor(args.after) : null };
}

export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length > 0) return values;
  } catch {
    // fall through to the error below
  }
  throw badUserInput(`"${cursor}" is not a cursor returned by this API`, 'after');
}

/**
 * Builds a connection from rows fetched with `limit` (= first + 1): the extra row only tells
 * that a next page exists. `cursorOf` returns the sort values a later `after` resumes from.
 */
export function toConnection<T>(rows: readonly T[], page: PageRequest, cursorOf: (row: T) => readonly unknown[]): ConnectionShape<T> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
