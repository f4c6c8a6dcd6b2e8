import { GraphQLError } from 'graphql';
import type { CallerContext, InternalClient } from './internal-client';
import { internalCommand } from './internal-command';

/** Raised when another subgraph a check depends on cannot answer: nothing was changed. */
export function subgraphUnavailable(message: string): GraphQLError {
  return new GraphQLError(`${message}; nothing was changed, try again shortly`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
}

const documents = new Map<string, ReturnType<typeof internalCommand<{ r: unknown[] }, unknown[]>>>();

function entitiesCommand(typename: string, selection: string) {
  const key = `${typename}\u0000${selection}`;
  let command = documents.get(key);
  if (!command) {
    command = internalCommand(`query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`);
    documents.set(key, command);
  }
  return command;
}

/**
 * Asks another subgraph for entities by key through its federation entry point, as the gateway
 * would: one `_entities` call for every key, with `selection` read from each. The answer lines
 * up with `keys`; null where the owner knows no such entity. When the owner cannot answer, a
 * SUBGRAPH_UNAVAILABLE error, so the caller changes nothing.
 */
export async function fetchEntities<T extends Record<string, unknown>>(
  caller: CallerContext,
  client: InternalClient,
  typename: string,
  keyField: string,
  keys: readonly string[],
  selection: string,
): Promise<(T | null)[]> {
  if (keys.length === 0) return [];
  const result = await client.call(caller, entitiesCommand(typename, selection), {
    r: keys.map((key) => ({ __typename: typename, [keyField]: key })),
  });
  if (!result.ok) throw subgraphUnavailable(`The ${client.subgraph} service cannot be reached`);
  return result.value as (T | null)[];
}

/** Which of these entity keys the owning subgraph does not know (one `_entities` call). */
export async function unknownEntityKeys(
  caller: CallerContext,
  client: InternalClient,
  typename: string,
  keyField: string,
  keys: readonly string[],
): Promise<string[]> {
  const distinct = [...new Set(keys)];
  const found = await fetchEntities<Record<string, string>>(caller, client, typename, keyField, distinct, keyField);
  const known = new Set(found.filter((e): e is Record<string, string> => e !== null).map((e) => e[keyField]));
  return distinct.filter((key) => !known.has(key));
}
