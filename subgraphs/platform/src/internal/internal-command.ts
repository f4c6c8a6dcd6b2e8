import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';

/**
 * A query or mutation one subgraph sends another, typed by its variables and by what its one
 * root field returns. Commands live in the owning subgraph's `src/contract/`, so the caller and
 * the owner share one document (a test checks each against the owner's schema).
 */
export interface InternalCommand<TVariables, TResult> {
  readonly name: string;
  readonly document: string;
  /** The root field whose value is the result; for a mutation, a payload with `userErrors`. */
  readonly field: string;
  readonly operation: 'query' | 'mutation';
  /** Phantom: carries the types; never read. */
  readonly __types?: { variables: TVariables; result: TResult };
}

/** Parses a command's document once, at module load, so a malformed one fails on start-up. */
export function internalCommand<TVariables, TResult>(document: string): InternalCommand<TVariables, TResult> {
  const operations = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const [op] = operations;
  if (operations.length !== 1 || !op.name || op.operation === OperationTypeNode.SUBSCRIPTION) {
    throw new Error(`An internal command is one named query or mutation:\n${document}`);
  }
  const fields = op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
  if (fields.length !== 1 || fields[0].kind !== Kind.FIELD) throw new Error(`Internal command ${op.name.value} must select one root field`);
  return { name: op.name.value, document, field: (fields[0].alias ?? fields[0].name).value, operation: op.operation };
}

/** What a command's variables or result are, from the command. */
export type VariablesOf<C> = C extends InternalCommand<infer V, unknown> ? V : never;
export type ResultOf<C> = C extends InternalCommand<unknown, infer R> ? R : never;
