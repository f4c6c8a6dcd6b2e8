import { GraphQLError } from 'graphql';

/**
 * Asks another subgraph which of these entity keys it knows, through its federation entry
 * point, as the gateway would: one `_entities` call. Returns the keys it does not know.
 * Unreachable: a SUBGRAPH_UNAVAILABLE error, so the caller changes nothing.
 */
export async function unknownEntityKeys(
  subgraphUrl: string,
  typename: string,
  keyField: string,
  keys: string[],
  options: { timeoutMs?: number; headers?: Record<string, string>; ownerName?: string } = {},
): Promise<string[]> {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return [];
  let body: { data?: { _entities: (Record<string, string> | null)[] } };
  try {
    const response = await fetch(subgraphUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${keyField} } } }`,
        variables: { r: distinct.map((key) => ({ __typename: typename, [keyField]: key })) },
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    body = (await response.json()) as typeof body;
    if (!response.ok || !body.data) throw new Error(`HTTP ${response.status}`);
  } catch {
    throw new GraphQLError(`The ${options.ownerName ?? `${typename} owner`} cannot be reached to check references; nothing was changed, try again shortly`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
    });
  }
  const found = new Set(body.data._entities.filter((e): e is Record<string, string> => e !== null).map((e) => e[keyField]));
  return distinct.filter((key) => !found.has(key));
}
