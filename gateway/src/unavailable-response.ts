import { Kind, parse, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { SubgraphAnswer } from './subgraph-call';

/** The response keys a selection set asks for, through inline fragments and fragment spreads; `__typename` aside. */
function responseKeys(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  into = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') into.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      responseKeys(selection.selectionSet, fragments, into);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) responseKeys(fragment.selectionSet, fragments, into);
    }
  }
  return into;
}

/**
 * Where in the subgraph's answer each field of a failed call would have been: each root field,
 * or each field of each entity asked for by `_entities` (the gateway turns `_entities` paths
 * into the client's own). The gateway keeps an error's path only when a subgraph answers with
 * one, and a call that never reached the subgraph has no answer at all.
 */
export function unansweredPaths(body: string): (string | number)[][] {
  const { query, variables } = JSON.parse(body) as { query: string; variables?: { representations?: unknown[] } };
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const paths: (string | number)[][] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === Kind.FIELD && selection.name.value === '_entities' && selection.selectionSet) {
      const keys = [...responseKeys(selection.selectionSet, fragments)];
      (variables?.representations ?? []).forEach((_, index) => keys.forEach((key) => paths.push(['_entities', index, key])));
    }
  }
  if (paths.length) return paths;
  return [...responseKeys(operation.selectionSet, fragments)].map((key) => [key]);
}

/**
 * What the gateway hands Apollo for a subgraph it could not reach: a GraphQL answer with no
 * data and one SUBGRAPH_UNAVAILABLE error per unanswered field, each with its path, so the
 * client sees which fields are null and why while the rest of the response stands.
 */
export function unavailableResponse(subgraph: string, body: unknown): SubgraphAnswer {
  const message = `The ${subgraph} service is unavailable; try again shortly`;
  const extensions = { code: 'SUBGRAPH_UNAVAILABLE', serviceName: subgraph };
  let paths: (string | number)[][] = [];
  try {
    paths = typeof body === 'string' ? unansweredPaths(body) : [];
  } catch {
    // Not a request the gateway made itself; one error without a path still says what happened.
  }
  const errors = paths.length ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }];
  return { status: 200, contentType: 'application/json', body: JSON.stringify({ data: null, errors }) };
}
