import type { TypedDocument } from './documents';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * The caller a harness stands for, per endpoint: a subgraph harness registers an admin token
 * for its URL, so tests about catalog or stock need not sign in on every call. Headers passed
 * to `gql` replace it; `ANONYMOUS` (an empty authorization) sends no token at all.
 */
const defaultCallers = new Map<string, Record<string, string>>();

export function setDefaultCaller(url: string, headers: Record<string, string>): void {
  defaultCallers.set(url, headers);
}

/** Forgets the caller of a server that closed: its port may be reused by another server, later in the same worker. */
export function forgetDefaultCaller(url: string): void {
  defaultCallers.delete(url);
}

/** POSTs an operation over real HTTP, as a storefront would: a typed shared document, or a string. */
export async function gql<T, V>(
  url: string,
  query: TypedDocument<T, V>,
  variables?: V,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<T> & { status: number }>;
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<T> & { status: number }>;
export async function gql<T>(
  url: string,
  query: string | TypedDocument<T, unknown>,
  variables?: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T> & { status: number }> {
  const merged: Record<string, string> = { 'content-type': 'application/json', ...defaultCallers.get(url), ...headers };
  if (merged.authorization === '') delete merged.authorization;
  const source = typeof query === 'string' ? query : query.source;
  const response = await fetch(url, { method: 'POST', headers: merged, body: JSON.stringify({ query: source, variables }) });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status };
}

/** Like gql, but fails the test on any GraphQL error and returns the data. */
export async function gqlData<T, V>(url: string, query: TypedDocument<T, V>, variables?: V, headers?: Record<string, string>): Promise<T>;
export async function gqlData<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<T>;
export async function gqlData<T>(
  url: string,
  query: string | TypedDocument<T, unknown>,
  variables?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  const result = await gql<T, unknown>(url, query as TypedDocument<T, unknown>, variables, headers);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}
