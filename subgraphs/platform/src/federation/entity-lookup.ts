import { GraphQLError } from 'graphql';

export interface EntityLookupOptions {
  timeoutMs?: number;
  /** The caller's service credentials (gateway secret and a SERVICE token). */
  headers?: Record<string, string>;
  /** How the owning subgraph is named in an error, e.g. "product catalog". */
  ownerName?: string;
}

/**
 * Asks another subgraph for entities by key through its federation entry point, as the gateway
 * would: one `_entities` call for every key, with `selection` read from each. The answer lines
 * up with `keys`; null where the owner knows no such entity. Unreachable, or answering with
 * errors: a SUBGRAPH_UNAVAILABLE error, so the caller changes nothing.
 */
export async function fetchEntities<T extends Record<string, unknown>>(
  subgraphUrl: string,
  typename: string,
  keyField: string,
  keys: readonly string[],
  selection: string,
  options: EntityLookupOptions = {},
): Promise<(T | null)[]> {
  if (keys.length === 0) return [];
  let body: { data?: { _entities: (T | null)[] }; errors?: unknown[] };
  try {
    const response = await fetch(subgraphUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
        variables: { r: keys.map((key) => ({ __typename: typename, [keyField]: key })) },
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    body = (await response.json()) as typeof body;
    if (!response.ok || !body.data || body.errors?.length) throw new Error(`HTTP ${response.status}`);
  } catch {
    throw new GraphQLError(`The ${options.ownerName ?? `${typename} owner`} cannot be reached; nothing was changed, try again shortly`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
    });
  }
  return body.data._entities;
}

/** Which of these entity keys the owning subgraph does not know (one `_entities` call). */
export async function unknownEntityKeys(
  subgraphUrl: string,
  typename: string,
  keyField: string,
  keys: string[],
  options: EntityLookupOptions = {},
): Promise<string[]> {
  const distinct = [...new Set(keys)];
  const found = await fetchEntities<Record<string, string>>(subgraphUrl, typename, keyField, distinct, keyField, options);
  const known = new Set(found.filter((e): e is Record<string, string> => e !== null).map((e) => e[keyField]));
  return distinct.filter((key) => !known.has(key));
}
